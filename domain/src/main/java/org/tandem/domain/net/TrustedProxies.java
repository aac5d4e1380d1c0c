package org.tandem.domain.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code TANDEM_HTTP_TRUSTED_PROXIES},
 * system property {@value #PROPERTY}: addresses or CIDR blocks, comma-separated; none by default).
 *
 * <p>A request's client is its TCP peer, unless that peer is a trusted proxy: then the
 * {@code X-Forwarded-For} list is read from its right end (what the nearest proxy appended), past
 * every trusted proxy, and the first address that is not one is the client. So a client cannot
 * choose its address by sending the header itself: from an untrusted peer the header is ignored, and
 * behind a trusted proxy whatever the client wrote sits left of what the proxy appended. An entry
 * that is not an address ends the walk at the last proxy that could be trusted.
 */
public final class TrustedProxies {

    public static final String PROPERTY = "tandem.http.trusted.proxies";

    /** Believes no header: every client is its TCP peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** @param list addresses or CIDR blocks ({@code 10.0.0.5, 10.1.0.0/16, ::1}), comma-separated */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.strip();
            int slash = trimmed.indexOf('/');
            byte[] network = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException(PROPERTY + ": '" + trimmed + "' is not an IP address or CIDR block");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException(PROPERTY + ": '" + trimmed + "' has no valid prefix length");
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedProxies(blocks);
    }

    public static TrustedProxies fromProperties(Properties properties) {
        return parse(properties.getProperty(PROPERTY));
    }

    public static TrustedProxies fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    /**
     * The client's address.
     *
     * @param peer         the TCP peer's address (the servlet's remote address)
     * @param forwardedFor every {@code X-Forwarded-For} header of the request, in order (none: empty)
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop) == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
    }

    /** The address's bytes, or null if it is not an IP literal (never a name lookup). */
    private static byte[] literal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            return InetAddress.ofLiteral(bare).getAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
