package org.tandem.router.dns;

import org.xbill.DNS.Name;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The zone's server answered a request from Tandem with an error code (REFUSED, NOTAUTH, ...), and,
 * for a TSIG failure, why it did not accept the signature (BADSIG, BADKEY, BADTIME). Nothing of that
 * request was applied: RFC 2136 updates are all or nothing.
 */
public class DnsRefusedException extends DnsException {

    private static final long serialVersionUID = 1L;

    private final String zone;
    private final String rcode;
    private final String tsigError;

    public DnsRefusedException(Name zone, String operation, InetSocketAddress server, String rcode,
                               Optional<String> tsigError) {
        super(message(zone, operation, server, rcode, tsigError), null);
        this.zone = zone.toString();
        this.rcode = rcode;
        this.tsigError = tsigError.orElse(null);
    }

    private static String message(Name zone, String operation, InetSocketAddress server, String rcode,
                                  Optional<String> tsigError) {
        String code = tsigError.map(error -> rcode + "/" + error).orElse(rcode);
        return "DNS server " + describe(server) + " refused the " + operation
                + " of zone " + zone + ": " + code + " (" + meaning(rcode, tsigError) + ")";
    }

    private static String meaning(String rcode, Optional<String> tsigError) {
        return switch (tsigError.orElse(rcode)) {
            case "BADSIG" -> "the key's secret or algorithm differs from the server's copy of the key";
            case "BADKEY" -> "the server does not know this key name, or knows it with another algorithm";
            case "BADTIME" -> "this node's clock and the server's differ by more than 5 minutes";
            case "REFUSED" -> "the key may not do this in this zone: see allow-update and allow-transfer";
            case "NOTAUTH" -> "the server is not authoritative for this zone";
            case "NOTZONE" -> "a record is outside the zone";
            case "SERVFAIL" -> "the server failed; its log says why";
            default -> "see RFC 2136 and RFC 8945";
        };
    }

    /** The zone, as an absolute name (with the final dot). */
    public String zone() {
        return zone;
    }

    /** The DNS response code, as named in RFC 1035 and RFC 2136: REFUSED, NOTAUTH, SERVFAIL, ... */
    public String rcode() {
        return rcode;
    }

    /** The TSIG error the server gave (BADSIG, BADKEY, BADTIME), when the signature was the problem. */
    public Optional<String> tsigError() {
        return Optional.ofNullable(tsigError);
    }
}
