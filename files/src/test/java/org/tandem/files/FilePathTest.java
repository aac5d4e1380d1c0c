package org.tandem.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilePathTest {

    private static final UUID TENANT = UUID.fromString("0b6f7f7e-3c1a-4d43-9a57-1f2a4c5d6e7f");

    @Test
    void theLayoutsPathsReadBackAsWritten() {
        FilePath message = FilePath.tenant(TENANT, TenantArea.VOICEMAIL, "101", "msg-0001.wav");
        assertThat(message).hasToString("tenants/" + TENANT + "/voicemail/101/msg-0001.wav");
        assertThat(FilePath.parse(message.toString())).isEqualTo(message);
        assertThat(message.tenant()).contains(TENANT);
        assertThat(message.name()).isEqualTo("msg-0001.wav");
        assertThat(message.parent()).contains(FilePath.tenant(TENANT, TenantArea.VOICEMAIL, "101"));
        assertThat(FilePath.tenant(TENANT, TenantArea.VOICEMAIL).isLayoutFolder()).isTrue();
        assertThat(FilePath.tenant(TENANT, TenantArea.VOICEMAIL).parent()).isEmpty();

        FilePath prompt = FilePath.sound("en_US", "vm-intro.wav");
        assertThat(prompt).hasToString("sounds/en_US/vm-intro.wav");
        assertThat(prompt.tenant()).isEmpty();
        assertThat(FilePath.sound("fr").isLayoutFolder()).isTrue();
        for (TenantArea area : TenantArea.values()) {
            assertThat(FilePath.parse("tenants/" + TENANT + "/" + area.folder() + "/x.wav").isLayoutFolder()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "/etc/passwd", "/tenants/0b6f7f7e-3c1a-4d43-9a57-1f2a4c5d6e7f/voicemail/x",
            "../etc/passwd", "sounds/en/../../etc/passwd", "sounds/en/./x.wav", "sounds/en//x.wav", "sounds/en/x/",
            "sounds/en/.hidden", "sounds/en/..", "sounds/en/x\u0000.wav", "sounds/en/x\\..\\y", "sounds/en/a b.wav",
            "sounds/en/\u00e9t\u00e9.wav", "sounds/en/x\n.wav", "sounds/EN/x.wav", "sounds/english/x.wav", "sounds",
            "tenants/0B6F7F7E-3C1A-4D43-9A57-1F2A4C5D6E7F/voicemail/x.wav", "tenants/not-a-uuid/voicemail/x.wav",
            "tenants/0b6f7f7e-3c1a-4d43-9a57-1f2a4c5d6e7f/secrets/x", "tenants/0b6f7f7e-3c1a-4d43-9a57-1f2a4c5d6e7f",
            "etc/passwd", ".incoming/node1/x.part", "C:/x", "sounds/en/x:y"})
    void anythingOutsideTheLayoutIsRefusedInWords(String path) {
        assertThatThrownBy(() -> FilePath.parse(path))
                .isInstanceOf(InvalidFilePathException.class)
                .hasMessageStartingWith("not a path of Tandem's files: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("\u0000");
    }

    @Test
    void lengthAndDepthAreBounded() {
        String longest = "a".repeat(FilePath.MAX_SEGMENT_LENGTH);
        assertThat(FilePath.sound("en", longest).name()).isEqualTo(longest);
        assertThatThrownBy(() -> FilePath.sound("en", longest + "a"))
                .hasMessageContaining("longer than " + FilePath.MAX_SEGMENT_LENGTH);
        assertThatThrownBy(() -> FilePath.parse("sounds/en/" + "a/".repeat(14) + "a"))
                .hasMessageContaining("more than " + FilePath.MAX_DEPTH + " segments");
        assertThatThrownBy(() -> FilePath.parse("sounds/en/" + "a".repeat(2_000_000)))
                .hasMessageContaining("longer than " + FilePath.MAX_LENGTH + " characters")
                .satisfies(refused -> assertThat(refused.getMessage()).hasSizeLessThan(300));
        assertThatThrownBy(() -> FilePath.parse(null)).hasMessageContaining("empty");
    }

    @Test
    void aChildIsCheckedLikeAnyPath() {
        FilePath mailbox = FilePath.tenant(TENANT, TenantArea.VOICEMAIL, "101");
        assertThat(mailbox.resolve("m.wav")).isEqualTo(FilePath.parse(mailbox + "/m.wav"));
        assertThatThrownBy(() -> mailbox.resolve("..")).isInstanceOf(InvalidFilePathException.class);
        assertThatThrownBy(() -> mailbox.resolve("a/../../b")).isInstanceOf(InvalidFilePathException.class);
    }
}
