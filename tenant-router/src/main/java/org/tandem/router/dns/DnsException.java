package org.tandem.router.dns;

import java.net.InetSocketAddress;

/** A DNS server could not be reached, or answered something that cannot be trusted or used. */
public class DnsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DnsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A server as an operator reads it in a message: its IP address and port. */
    static String describe(InetSocketAddress server) {
        String host = server.isUnresolved() ? server.getHostString() : server.getAddress().getHostAddress();
        return host + ":" + server.getPort();
    }
}
