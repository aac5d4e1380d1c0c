package org.tandem.router.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared secret that signs every message Tandem sends to the zone's server (TSIG, RFC 8945).
 * Only the HMAC-SHA-2 algorithms are taken: HMAC-MD5 and HMAC-SHA1 are no longer recommended.
 */
public final class TsigKey {

    public static final String DEFAULT_ALGORITHM = "hmac-sha256";
    private static final Set<String> ALGORITHMS = Set.of("hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512");

    /** {@code key "name" { algorithm hmac-sha256; secret "..."; };} as tsig-keygen and BIND's key files write it. */
    private static final Pattern KEY_CLAUSE = Pattern.compile("key\\s+\"?([^\"\\s{]+)\"?\\s*\\{([^}]*)}\\s*;");
    private static final Pattern ALGORITHM = Pattern.compile("algorithm\\s+\"?([A-Za-z0-9-]+)\"?\\s*;");
    private static final Pattern SECRET = Pattern.compile("secret\\s+\"([^\"]+)\"\\s*;");

    private final Name name;
    private final String algorithm;
    private final byte[] secret;

    private TsigKey(Name name, String algorithm, byte[] secret) {
        this.name = name;
        this.algorithm = algorithm;
        this.secret = secret;
    }

    /** A key from its name, algorithm (hmac-sha256 when null) and base64 secret, as a BIND key clause gives them. */
    public static TsigKey of(String name, String algorithm, String base64Secret) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the TSIG key name is required");
        }
        String chosen = algorithm == null || algorithm.isBlank() ? DEFAULT_ALGORITHM
                : algorithm.strip().toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(chosen)) {
            throw new IllegalArgumentException("TSIG algorithm " + algorithm + " is not one of "
                    + ALGORITHMS.stream().sorted().toList());
        }
        if (base64Secret == null || base64Secret.isBlank()) {
            throw new IllegalArgumentException("the secret of TSIG key " + name + " is required");
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64Secret.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret of TSIG key " + name + " is not base64: " + e.getMessage(), e);
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("the secret of TSIG key " + name + " is empty");
        }
        String absolute = name.strip().endsWith(".") ? name.strip() : name.strip() + ".";
        return new TsigKey(ZoneNames.name(absolute, null), chosen, secret);
    }

    /**
     * The key in a BIND key file (what {@code tsig-keygen -a hmac-sha256 NAME} prints). A file with
     * several keys needs {@code wantedName}.
     */
    public static TsigKey fromKeyFile(Path file, Optional<String> wantedName) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TSIG key file " + file, e);
        }
        List<MatchResult> keys = KEY_CLAUSE.matcher(text).results()
                .filter(key -> wantedName.isEmpty() || sameName(key.group(1), wantedName.get()))
                .toList();
        if (keys.size() != 1) {
            throw new IllegalArgumentException("the TSIG key file " + file + " holds " + keys.size() + " keys"
                    + wantedName.map(name -> " named " + name).orElse("") + ": it needs exactly one"
                    + (wantedName.isEmpty() && keys.size() > 1 ? ", or the name of the one to use" : ""));
        }
        String body = keys.getFirst().group(2);
        Matcher secret = SECRET.matcher(body);
        if (!secret.find()) {
            throw new IllegalArgumentException("key " + keys.getFirst().group(1) + " in " + file + " has no secret");
        }
        Matcher algorithm = ALGORITHM.matcher(body);
        return of(keys.getFirst().group(1), algorithm.find() ? algorithm.group(1) : null, secret.group(1));
    }

    private static boolean sameName(String a, String b) {
        return a.replaceAll("\\.$", "").equalsIgnoreCase(b.strip().replaceAll("\\.$", ""));
    }

    public Name name() {
        return name;
    }

    public String algorithm() {
        return algorithm;
    }

    TSIG tsig() {
        return new TSIG(TSIG.algorithmToName(algorithm), name, secret);
    }

    /** Never the secret: this goes into logs. */
    @Override
    public String toString() {
        return name + " (" + algorithm + ")";
    }
}
