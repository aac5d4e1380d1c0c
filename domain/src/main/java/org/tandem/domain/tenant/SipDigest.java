package org.tandem.domain.tenant;

import java.util.Arrays;
import java.util.List;

/**
 * Which digest algorithms a tenant's phones are challenged with (and may answer with), in order of
 * preference, by the names of RFC 8760. MD5 alone is the default, as on Asterisk, FreeSWITCH and
 * Kamailio: baresip 1.0 gives up on any challenge list that holds SHA-256, and SIPp answers only the
 * first challenge. Stored as {@link #column()} in {@code tenant.sip_digest}.
 */
public enum SipDigest {

    MD5("MD5"),
    MD5_THEN_SHA_256("MD5,SHA-256"),
    SHA_256_THEN_MD5("SHA-256,MD5"),
    SHA_256("SHA-256");

    public static final SipDigest DEFAULT = MD5;

    private final String column;

    SipDigest(String column) {
        this.column = column;
    }

    /** The algorithm names, most preferred first. */
    public List<String> algorithms() {
        return List.of(column.split(","));
    }

    /** The value in {@code tenant.sip_digest}. */
    public String column() {
        return column;
    }

    public static SipDigest ofColumn(String value) {
        return Arrays.stream(values()).filter(digest -> digest.column.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown SIP digest choice '" + value + "': use one of "
                        + Arrays.stream(values()).map(SipDigest::column).toList()));
    }
}
