package org.tandem.portal.metrics;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read the metrics: with a token configured ({@code tandem.metrics.token},
 * TANDEM_METRICS_TOKEN), whoever presents it as {@code Authorization: Bearer <token>}, from anywhere;
 * without one, only a scraper on the node itself (a loopback address). The metrics hold no
 * customer's data, but they show the cluster's shape and load.
 */
record ScraperAccess(Optional<String> token) {

    static ScraperAccess fromSystemProperties() {
        return new ScraperAccess(Optional.ofNullable(System.getProperty("tandem.metrics.token")).filter(t -> !t.isBlank()));
    }

    boolean allows(String authorization, String remoteAddress) {
        if (token.isPresent()) {
            return authorization != null && authorization.startsWith("Bearer ")
                    && MessageDigest.isEqual(authorization.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8),
                    token.get().getBytes(StandardCharsets.UTF_8));
        }
        try {
            // a literal only: never a name lookup for what a client sent
            return remoteAddress != null && InetAddress.ofLiteral(remoteAddress).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    String refusal() {
        return token.isPresent() ? "Send the metrics token as Authorization: Bearer <token>\n"
                : "Metrics are served to this node's own loopback address only; set TANDEM_METRICS_TOKEN to scrape from"
                + " elsewhere\n";
    }
}
