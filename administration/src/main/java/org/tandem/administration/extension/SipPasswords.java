package org.tandem.administration.extension;

import java.security.SecureRandom;

/**
 * Makes the SIP passwords of new extensions: 20 characters from 54 letters and digits that cannot be
 * misread (no 0/O, 1/l/I), about 115 bits, beyond any online or offline guessing of a digest hash.
 */
public final class SipPasswords {

    static final int LENGTH = 20;
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SipPasswords() {
    }

    public static String generate() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }
}
