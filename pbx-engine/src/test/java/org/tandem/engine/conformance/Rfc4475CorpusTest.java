package org.tandem.engine.conformance;

import org.junit.jupiter.api.Test;
import org.tandem.engine.conformance.TortureCorpus.Case;
import org.tandem.engine.conformance.TortureCorpus.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The torture messages are only worth sending if they are the RFC's bytes: an editor or a git
 * setting that turns CRLF into LF, drops a NUL or trims trailing spaces (trws, noreason) silently
 * changes what is tested. So every file must still hash to the value recorded in SHA256SUMS when
 * it was checked against RFC 4475 (see README.md beside it).
 */
class Rfc4475CorpusTest {

    @Test
    void all49MessagesAreThereOnceEach() {
        assertThat(TortureCorpus.ALL).hasSize(49);
        assertThat(TortureCorpus.ALL).extracting(Case::tag).doesNotHaveDuplicates();
        assertThat(TortureCorpus.ALL).extracting(Case::section).doesNotHaveDuplicates();
        assertThat(TortureCorpus.ALL.stream().filter(c -> c.kind() == Kind.VALID)).hasSize(14);
    }

    @Test
    void everyMessageHasTheBytesThatWereCheckedAgainstTheRfc() throws Exception {
        Map<String, String> recorded = recordedSums();
        assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(
                TortureCorpus.ALL.stream().map(Case::tag).toList());
        Map<String, String> actual = TortureCorpus.ALL.stream()
                .collect(Collectors.toMap(Case::tag, c -> sha256(c.bytes())));
        assertThat(actual).isEqualTo(recorded);
    }

    private static Map<String, String> recordedSums() throws IOException {
        try (InputStream in = Rfc4475CorpusTest.class.getResourceAsStream("/rfc4475/SHA256SUMS")) {
            assertThat(in).as("rfc4475/SHA256SUMS").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(line -> line.split("\\s+"))
                    .collect(Collectors.toMap(fields -> fields[1], fields -> fields[0]));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
