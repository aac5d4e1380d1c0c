package org.tandem.router.dns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnsSettingsTest {

    private static final String SECRET = "kp6FMjmZwwS5DZgm8Sejfpz/p5GLJ+tdOniB2gshz0Y=";

    @TempDir
    Path folder;

    /** Properties written as a properties file: {@code name=value}, a line each. */
    static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static DnsSettings settings(String text) {
        return DnsSettings.from(properties(text)).orElseThrow();
    }

    @Test
    void withNeitherServerNorExportFileDnsPublishingIsOff() {
        assertThat(DnsSettings.from(properties("tandem.dns.zone=pbx.example.net"))).isEmpty();
        assertThat(DnsSettings.from(properties("tandem.dns.server=  "))).isEmpty();
    }

    @Test
    void aServerWithItsKeyGivenInline() {
        DnsSettings settings = settings("""
                tandem.dns.server=10.1.0.53
                tandem.dns.zone=PBX.example.net.
                tandem.dns.key.name=tandem-key
                tandem.dns.key.secret=%s
                """.formatted(SECRET));

        assertThat(settings.zone()).hasToString("pbx.example.net.");
        assertThat(settings.ttlSeconds()).isEqualTo(60);
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.exportFile()).isEmpty();
        DnsSettings.Server server = settings.server().orElseThrow();
        assertThat(server.address()).hasToString("/10.1.0.53:53");
        assertThat(server.key()).hasToString("tandem-key. (hmac-sha256)");
    }

    @Test
    void theKeyFromATsigKeygenFileWithOtherSettings() throws Exception {
        Path keyFile = Files.writeString(folder.resolve("tandem.key"), """
                key "tandem-key" {
                	algorithm hmac-sha512;
                	secret "%s";
                };
                """.formatted(SECRET));

        DnsSettings settings = settings("""
                tandem.dns.server=127.0.0.1
                tandem.dns.port=5353
                tandem.dns.zone=tandem.test
                tandem.dns.key.file=%s
                tandem.dns.ttl=30
                tandem.dns.interval.seconds=15
                tandem.dns.export.file=/srv/dns/tandem.records
                """.formatted(keyFile));

        assertThat(settings.server().orElseThrow().key()).hasToString("tandem-key. (hmac-sha512)");
        assertThat(settings.server().orElseThrow().port()).isEqualTo(5353);
        assertThat(settings.ttlSeconds()).isEqualTo(30);
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.exportFile()).contains(Path.of("/srv/dns/tandem.records"));
    }

    @Test
    void anExportFileAloneNeedsNoServerNorKey() {
        assertThat(settings("""
                tandem.dns.export.file=tandem.records
                tandem.dns.zone=tandem.test
                """).server()).isEmpty();
    }

    @Test
    void missingOrWrongSettingsNameTheVariableToFix() {
        assertThatThrownBy(() -> settings("tandem.dns.server=127.0.0.1"))
                .hasMessageStartingWith("TANDEM_DNS_ZONE is required with TANDEM_DNS_SERVER or TANDEM_DNS_EXPORT_FILE");
        assertThatThrownBy(() -> settings("""
                tandem.dns.server=127.0.0.1
                tandem.dns.zone=tandem.test
                """))
                .hasMessageStartingWith("TANDEM_DNS_SERVER needs a TSIG key to sign updates: TANDEM_DNS_KEY_FILE");
        assertThatThrownBy(() -> settings("""
                tandem.dns.server=127.0.0.1
                tandem.dns.zone=tandem.test
                tandem.dns.key.name=k
                """))
                .hasMessage("TANDEM_DNS_KEY_SECRET is required with TANDEM_DNS_KEY_NAME");
        assertThatThrownBy(() -> settings("""
                tandem.dns.export.file=x
                tandem.dns.zone=tandem.test
                tandem.dns.ttl=0
                """))
                .hasMessage("TANDEM_DNS_TTL must be from 1 to 86400, not 0");
        assertThatThrownBy(() -> settings("""
                tandem.dns.export.file=x
                tandem.dns.zone=tandem.test
                tandem.dns.port=fifty-three
                tandem.dns.server=127.0.0.1
                """))
                .hasMessage("TANDEM_DNS_PORT is not a number: 'fifty-three'");
        assertThatThrownBy(() -> settings("""
                tandem.dns.server=dns.invalid
                tandem.dns.zone=tandem.test
                tandem.dns.key.name=k
                tandem.dns.key.secret=%s
                """.formatted(SECRET)).server().orElseThrow().address())
                .hasMessage("TANDEM_DNS_SERVER dns.invalid does not resolve: give the zone's primary server by IP address");
    }

    @Test
    void aKeyIsCheckedWhenRead() {
        assertThatThrownBy(() -> TsigKey.of("k", "hmac-md5", SECRET))
                .hasMessage("TSIG algorithm hmac-md5 is not one of [hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512]");
        assertThatThrownBy(() -> TsigKey.of("k", null, "not base64!"))
                .hasMessageStartingWith("the secret of TSIG key k is not base64");
        assertThat(TsigKey.of("k", "HMAC-SHA384", SECRET)).hasToString("k. (hmac-sha384)");
    }

    @Test
    void aKeyFileWithSeveralKeysNeedsTheName() throws Exception {
        Path keyFile = Files.writeString(folder.resolve("keys.conf"), """
                key "first" { algorithm hmac-sha256; secret "%1$s"; };
                key "second." { algorithm hmac-sha256; secret "%1$s"; };
                """.formatted(SECRET));

        assertThatThrownBy(() -> TsigKey.fromKeyFile(keyFile, Optional.empty()))
                .hasMessage("the TSIG key file " + keyFile + " holds 2 keys: it needs exactly one, or the name of the one to use");
        assertThat(TsigKey.fromKeyFile(keyFile, Optional.of("second")).name()).hasToString("second.");
        assertThatThrownBy(() -> TsigKey.fromKeyFile(folder.resolve("absent.key"), Optional.empty()))
                .hasMessageStartingWith("cannot read the TSIG key file");
    }
}
