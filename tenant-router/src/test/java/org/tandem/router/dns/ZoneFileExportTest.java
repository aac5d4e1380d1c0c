package org.tandem.router.dns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.domain.tenant.SipDomain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.router.dns.TestLayouts.POOL_AB;
import static org.tandem.router.dns.TestLayouts.POOL_CA;
import static org.tandem.router.dns.TestLayouts.layout;
import static org.tandem.router.dns.TestLayouts.tenant;

class ZoneFileExportTest {

    @TempDir
    Path folder;

    private final ClusterRecords records = ClusterRecords.of(new ZoneNames("tandem.test"), 60,
            layout(List.of(POOL_AB, POOL_CA), tenant("acme.tandem.test", POOL_CA),
                    tenant("pbx.customer.example", POOL_AB)));

    @Test
    void theTextIsOneRecordALineWithTheOutsideDomainsCommentedOut() {
        List<String> lines = ZoneFileExport.text(records).lines().toList();

        assertThat(lines.getFirst()).isEqualTo("; SIP records of the Tandem cluster for zone tandem.test.");
        assertThat(lines.stream().filter(line -> !line.isBlank() && !line.startsWith(";")))
                .hasSize(records.inZone().size())
                .first().asString().matches("node-a\\.nodes\\.tandem\\.test\\.\\s+60\\s+IN\\s+A\\s+127\\.0\\.0\\.2");
        assertThat(lines).contains("; These tenant domains are outside tandem.test.: publish their records in the "
                + "zones that hold them.");
        assertThat(lines.stream().filter(line -> line.startsWith("; _sip."))).hasSize(4)
                .allMatch(line -> line.contains("pbx.customer.example."));
    }

    @Test
    void bind9LoadsTheExportAndPhonesFindTheTenantThroughIt() {
        Path export = folder.resolve("tandem.records");
        assertThat(ZoneFileExport.writeIfChanged(export, records)).isTrue();

        try (Bind9 bind = Bind9.start(folder, "$INCLUDE " + export + "\n")) {
            List<SipTarget> targets = new SrvResolver(bind.address(), Duration.ofSeconds(5))
                    .resolve(new SipDomain("acme.tandem.test"), SipTransport.UDP);

            assertThat(targets).extracting(target -> target.host() + ":" + target.port() + " " + target.addresses())
                    .containsExactly("node-c.nodes.tandem.test:5070 [/127.0.0.4]",
                            "node-a.nodes.tandem.test:5060 [/127.0.0.2]");
            assertThat(bind.log()).noneMatch(line -> line.contains("out-of-zone") || line.contains("ignoring"));
        }
    }

    @Test
    void theFileIsRewrittenOnlyWhenTheRecordsChangeAndOthersMayReadIt() throws Exception {
        Path export = folder.resolve("dns/tandem.records");

        assertThat(ZoneFileExport.writeIfChanged(export, records)).isTrue();
        assertThat(ZoneFileExport.writeIfChanged(export, records)).isFalse();
        assertThat(Files.readString(export)).isEqualTo(ZoneFileExport.text(records));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(export))).isEqualTo("rw-r--r--");
        assertThat(ZoneFileExport.writeIfChanged(export, ClusterRecords.of(new ZoneNames("tandem.test"), 60,
                layout(List.of(POOL_AB))))).isTrue();
        assertThat(Files.readString(export)).doesNotContain("acme");
        assertThat(Files.list(export.getParent())).containsExactly(export);
    }
}
