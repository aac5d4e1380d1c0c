package org.tandem.engine.registrar;

import org.junit.jupiter.api.Test;
import org.tandem.engine.auth.DigestAlgorithm;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrarPolicyTest {

    private static Properties digest(String value) {
        Properties properties = new Properties();
        properties.setProperty(RegistrarPolicy.DIGEST_PROPERTY, value);
        return properties;
    }

    @Test
    void offersMd5ThenSha256UnlessTheOperatorSaysOtherwise() {
        assertThat(RegistrarPolicy.fromProperties(new Properties()).challengeAlgorithms())
                .containsExactly(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);
        assertThat(RegistrarPolicy.fromProperties(digest("MD5")).challengeAlgorithms()).containsExactly(DigestAlgorithm.MD5);
        assertThat(RegistrarPolicy.fromProperties(digest(" sha-256 , md5 ")).challengeAlgorithms())
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
    }

    @Test
    void refusesUnknownRepeatedOrNoAlgorithms() {
        assertThatThrownBy(() -> RegistrarPolicy.fromProperties(digest("SHA-512"))).hasMessageContaining("tandem.sip.digest")
                .hasMessageContaining("SHA-512");
        assertThatThrownBy(() -> RegistrarPolicy.fromProperties(digest("MD5,md5"))).hasMessageContaining("at most once");
        assertThatThrownBy(() -> RegistrarPolicy.DEFAULT.withChallengeAlgorithms(List.of())).hasMessageContaining("at least one");
    }
}
