package org.tandem.domain.tenant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptLanguageTest {

    @TempDir
    Path folder;

    @Test
    void isATwoOrThreeLetterCodeAndNothingElse() {
        assertThat(new PromptLanguage("fr").code()).isEqualTo("fr");
        assertThat(new PromptLanguage("ast").code()).isEqualTo("ast");
        for (String wrong : new String[]{"", "e", "EN", "english", "en_US", "../en", "e\u0000"}) {
            assertThatThrownBy(() -> new PromptLanguage(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + wrong + "' is not a language code (two or three lower-case letters, as en or fr)");
        }
    }

    @Test
    void theLanguagesOfferedAreTheSoundSetsInstalled() throws Exception {
        assertThat(PromptLanguage.ofSoundSetFolder("en_US_f_Allison")).contains(PromptLanguage.ENGLISH);
        assertThat(PromptLanguage.ofSoundSetFolder("fr")).contains(new PromptLanguage("fr"));
        assertThat(PromptLanguage.ofSoundSetFolder("music-on-hold")).isEmpty();
        assertThat(PromptLanguage.ofSoundSetFolder("Custom")).isEmpty();

        Files.createDirectories(folder.resolve("es_MX_f_Allison"));
        Files.createDirectories(folder.resolve("en_US_f_Allison"));
        Files.createDirectories(folder.resolve("en"));
        Files.createDirectories(folder.resolve("recordings-2"));
        Files.writeString(folder.resolve("it"), "a file, not a sound set");
        assertThat(PromptLanguage.installedIn(folder)).extracting(PromptLanguage::code).containsExactly("en", "es");
        assertThat(PromptLanguage.installedIn(folder.resolve("absent"))).isEmpty();
        // Debian's asterisk-core-sounds-en-wav, which ./tandem test installs
        assertThat(PromptLanguage.installedIn(Path.of("/usr/share/asterisk/sounds"))).contains(PromptLanguage.ENGLISH);
    }
}
