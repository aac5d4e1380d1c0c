package org.tandem.domain.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An extension's SIP secret, kept only as the digest HA1 values H(user:realm:password) for MD5
 * (RFC 2617) and SHA-256 (RFC 8760). The registrar needs nothing more to check a response, and a
 * leaked row does not reveal the password, nor work in any other realm.
 */
@Embeddable
public record SipCredentials(
        @Column(name = "ha1_md5", nullable = false, length = 32) String ha1Md5,
        @Column(name = "ha1_sha256", nullable = false, length = 64) String ha1Sha256) {

    private static final Pattern MD5_HEX = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public SipCredentials {
        if (ha1Md5 == null || !MD5_HEX.matcher(ha1Md5).matches()) {
            throw new IllegalArgumentException("MD5 HA1 must be 32 lower-case hex digits");
        }
        if (ha1Sha256 == null || !SHA256_HEX.matcher(ha1Sha256).matches()) {
            throw new IllegalArgumentException("SHA-256 HA1 must be 64 lower-case hex digits");
        }
    }

    public static SipCredentials derive(String username, String realm, char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("SIP password is required");
        }
        byte[] secret = (username + ":" + realm + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
        try {
            return new SipCredentials(hex("MD5", secret), hex("SHA-256", secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static String hex(String algorithm, byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    @Override
    public String toString() {
        return "SipCredentials[hashes hidden]";
    }
}
