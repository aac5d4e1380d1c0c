package org.tandem.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.tandem.domain.shared.Identified;
import org.tandem.domain.shared.Names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A key for the REST API, acting with the role and scope of whoever issued it (a reseller, a
 * tenant, the operator). The token is shown once; only a SHA-256 of its secret is kept, which is
 * enough for 256 random bits that no one guesses (a slow hash would only slow every API call).
 * Presented as {@code tdm_<id>_<secret>}, so the row is found by id and the secret compared in
 * constant time.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends Identified {

    private static final String PREFIX = "tdm_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(nullable = false, updatable = false)
    private String label;

    @Column(name = "secret_sha256", nullable = false, updatable = false, length = 64)
    private String secretSha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    @Column(name = "reseller_id", updatable = false)
    private UUID resellerId;

    @Column(name = "tenant_id", updatable = false)
    private UUID tenantId;

    protected ApiToken() {
    }

    private ApiToken(String label, String secret, Role role, UUID resellerId, UUID tenantId) {
        this.label = Names.required(label, "Token name");
        this.secretSha256 = sha256(secret);
        this.role = Objects.requireNonNull(role, "role");
        this.resellerId = resellerId;
        this.tenantId = tenantId;
    }

    /** A new token with the scope of {@code role}, and the text to hand out (once). */
    public static Issued issue(String label, Role role, UUID resellerId, UUID tenantId) {
        if (role == Role.TENANT_USER) {
            throw new IllegalArgumentException("a tenant user cannot have API tokens");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken(label, secret, role, resellerId, tenantId);
        return new Issued(token, PREFIX + token.id() + "_" + secret);
    }

    /** A token and its text, which exists only here. */
    public record Issued(ApiToken token, String text) {

        @Override
        public String toString() {
            return "Issued[" + token.id() + ", text hidden]";
        }
    }

    /** The id a presented text names, if it has the shape of a token. */
    public static Optional<UUID> idOf(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() != PREFIX.length() + 36 + 1 + 43) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.substring(PREFIX.length(), PREFIX.length() + 36)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is this token's. */
    public boolean matches(String text) {
        if (idOf(text).filter(id()::equals).isEmpty()) {
            return false;
        }
        String secret = text.substring(PREFIX.length() + 37);
        return MessageDigest.isEqual(secretSha256.getBytes(StandardCharsets.US_ASCII),
                sha256(secret).getBytes(StandardCharsets.US_ASCII));
    }

    public String label() {
        return label;
    }

    public Role role() {
        return role;
    }

    public Optional<UUID> resellerId() {
        return Optional.ofNullable(resellerId);
    }

    public Optional<UUID> tenantId() {
        return Optional.ofNullable(tenantId);
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
