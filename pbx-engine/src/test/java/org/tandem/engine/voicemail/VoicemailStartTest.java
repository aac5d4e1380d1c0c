package org.tandem.engine.voicemail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.engine.EngineSettings;
import org.tandem.engine.EngineStartException;
import org.tandem.engine.SipEngine;
import org.tandem.engine.services.EngineServices;
import org.tandem.engine.services.VoicemailData;
import org.tandem.files.FilesSettings;
import org.tandem.media.sounds.SoundSettings;
import org.tandem.testsupport.ports.FreePorts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A node with voicemail needs the English prompts it plays: without them it does not start, and says
 * why; told to run without voicemail, it starts without them. Voicemail reads no data while starting, so
 * these engines have no database.
 */
class VoicemailStartTest {

    private static final Path INSTALLED_ENGLISH = SoundSettings.DEFAULT.promptsDirectory().resolve("en_US_f_Allison");

    @Test
    void aNodeWhoseSoundsFolderHasNoEnglishSetDoesNotStart(@TempDir Path folder) throws IOException {
        Path sounds = Files.createDirectories(folder.resolve("sounds").resolve("fr_FR"));

        try (SipEngine engine = engine(folder, settings(sounds.getParent()))) {
            assertThatThrownBy(engine::start).isInstanceOf(EngineStartException.class)
                    .hasMessageContaining("voicemail").hasMessageContaining("no English prompts");
            assertThat(engine.isRunning()).isFalse();
        }
    }

    @Test
    void aNodeWhoseEnglishSetLacksAPromptVoicemailPlaysDoesNotStartAndNamesIt(@TempDir Path folder) throws IOException {
        assumeTrue(Files.isDirectory(INSTALLED_ENGLISH), "asterisk-core-sounds-en-wav is installed (./tandem test)");
        Path english = Files.createDirectories(folder.resolve("sounds").resolve("en_US_f_Allison").resolve("digits"));
        for (String prompt : Voicemail.PROMPTS) {
            if (!prompt.equals("vm-isonphone")) {
                Files.createSymbolicLink(english.getParent().resolve(prompt + ".wav"),
                        INSTALLED_ENGLISH.resolve(prompt + ".wav"));
            }
        }

        try (SipEngine engine = engine(folder, settings(folder.resolve("sounds")))) {
            assertThatThrownBy(engine::start).isInstanceOf(EngineStartException.class)
                    .hasMessageContaining("voicemail").hasMessageContaining("lack vm-isonphone");
        }
    }

    @Test
    void aNodeToldToRunWithoutVoicemailStartsWithoutPrompts(@TempDir Path folder) throws Exception {
        Properties off = new Properties();
        off.setProperty(VoicemailSettings.ENABLED_PROPERTY, "false");
        off.setProperty(SoundSettings.PROMPTS_DIRECTORY_PROPERTY, folder.resolve("no-sounds").toString());
        VoicemailSettings settings = VoicemailSettings.fromProperties(off);
        assertThat(settings.enabled()).isFalse();

        try (SipEngine engine = engine(folder, settings)) {
            engine.start();
            assertThat(engine.isRunning()).isTrue();
        }
    }

    @Test
    void refusesAnEnabledSettingThatIsNotTrueOrFalse() {
        Properties unclear = new Properties();
        unclear.setProperty(VoicemailSettings.ENABLED_PROPERTY, "no");

        assertThatThrownBy(() -> VoicemailSettings.fromProperties(unclear)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(VoicemailSettings.ENABLED_PROPERTY).hasMessageContaining("'no'");
    }

    private static VoicemailSettings settings(Path sounds) {
        return new VoicemailSettings(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .withSounds(new SoundSettings(sounds, sounds, 1 << 20));
    }

    private static SipEngine engine(Path folder, VoicemailSettings voicemail) {
        EngineServices services = EngineServices.withoutAccounts().toBuilder().voicemail(VoicemailData.NONE).build();
        return new SipEngine(new EngineSettings("voicemail", "127.0.0.1", FreePorts.udpAndTcp(),
                EngineSettings.StackTuning.DEFAULT).withFiles(new FilesSettings(folder.resolve("files"),
                folder.resolve("staging"), Optional.empty(), "node1")).withVoicemail(voicemail), services);
    }
}
