package org.tandem.router.dns;

import org.tandem.domain.tenant.SipDomain;
import org.xbill.DNS.Record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The cluster's records as RFC 1035 master-file text, for an operator whose DNS Tandem cannot
 * update: {@code $INCLUDE} the file from the zone's master file (or paste it in) and reload. Names
 * are absolute, so the file means the same wherever it is included. The text depends on the records
 * only (no date), so it changes exactly when DNS has to.
 */
public final class ZoneFileExport {

    private ZoneFileExport() {
    }

    public static String text(ClusterRecords records) {
        StringBuilder text = new StringBuilder()
                .append("; SIP records of the Tandem cluster for zone ").append(records.zone()).append('\n')
                .append("; node addresses (nodes.), pool SRV records (pools.), and each tenant domain's SRV records.\n")
                .append("; $INCLUDE this file from the zone's master file, raise the SOA serial, and reload.\n");
        records.inZone().forEach(record -> text.append(record).append('\n'));
        if (!records.outsideZone().isEmpty()) {
            text.append("\n; These tenant domains are outside ").append(records.zone())
                    .append(": publish their records in the zones that hold them.\n");
            for (Map.Entry<SipDomain, List<Record>> domain : records.outsideZone().entrySet()) {
                domain.getValue().forEach(record -> text.append("; ").append(record).append('\n'));
            }
        }
        return text.toString();
    }

    /**
     * Writes the text to {@code file} when it differs from what the file holds, replacing the file in
     * one step so a reader never sees half of it; true when it wrote.
     */
    public static boolean writeIfChanged(Path file, ClusterRecords records) {
        String text = text(records);
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return false;
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".part");
            try {
                Files.writeString(partial, text, StandardCharsets.UTF_8);
                // a temporary file is private; the zone's server (often another user) has to read this one
                if (Files.getFileAttributeView(partial, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the DNS zone file export " + file, e);
        }
    }
}
