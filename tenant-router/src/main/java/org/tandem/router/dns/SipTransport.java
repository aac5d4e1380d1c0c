package org.tandem.router.dns;

import org.xbill.DNS.Name;

/** The transports Tandem publishes SRV records for (the engine listens on both, at the same port). */
public enum SipTransport {
    UDP("_udp"),
    TCP("_tcp");

    private static final String SERVICE = "_sip";

    private final String protocolLabel;

    SipTransport(String protocolLabel) {
        this.protocolLabel = protocolLabel;
    }

    /** The SRV owner name of SIP over this transport at {@code domain}: {@code _sip._udp.<domain>}. */
    public Name serviceAt(Name domain) {
        return ZoneNames.name(SERVICE + "." + protocolLabel, domain);
    }

    /** True for {@code _sip._udp.<anything>} and {@code _sip._tcp.<anything>}. */
    static boolean isSipService(Name name) {
        if (name.labels() < 3 || !SERVICE.equalsIgnoreCase(name.getLabelString(0))) {
            return false;
        }
        String protocol = name.getLabelString(1);
        for (SipTransport transport : values()) {
            if (transport.protocolLabel.equalsIgnoreCase(protocol)) {
                return true;
            }
        }
        return false;
    }
}
