package org.tandem.domain.node;

import java.util.regex.Pattern;

/** Where a node listens: a host name or IP literal and a port. */
public record NetworkAddress(String host, int port) {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]{1,253}");

    public NetworkAddress {
        host = requireHost(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535: " + port);
        }
    }

    static String requireHost(String host, String what) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException(what + " must be a host name or IP address: " + host);
        }
        return host;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
