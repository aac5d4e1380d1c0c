package org.tandem.domain.account;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A portal password kept as a slow salted hash: PBKDF2 with HMAC-SHA-256. The encoded form carries
 * its iteration count, so the work factor can rise later without breaking stored logins.
 */
public record PasswordHash(String encoded) {

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023). */
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Pattern FORMAT = Pattern.compile(PREFIX + "\\$[0-9]{4,7}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordHash {
        if (encoded == null || !FORMAT.matcher(encoded).matches()) {
            throw new IllegalArgumentException("not a Tandem password hash");
        }
    }

    public static PasswordHash of(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("password is required");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return new PasswordHash(String.join("$", PREFIX, Integer.toString(ITERATIONS),
                base64.encodeToString(salt), base64.encodeToString(pbkdf2(password, salt, ITERATIONS))));
    }

    public boolean matches(char[] candidate) {
        if (candidate == null || candidate.length == 0) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] expected = base64.decode(parts[3]);
        byte[] actual = pbkdf2(candidate, base64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
