package org.tandem.media.sounds;

import org.tandem.domain.settings.NodeSettings;
import org.tandem.domain.tenant.PromptLanguage;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the node finds its system sounds, and how big one file may be (docs/operations.md, "Prompts and
 * music on hold").
 *
 * @param promptsDirectory the folder holding one folder per language (TANDEM_SOUNDS_DIR)
 * @param musicDirectory   the folder of the music-on-hold tracks (TANDEM_MUSIC_DIR)
 * @param maxFileBytes     the largest sound file read; a larger one is refused (TANDEM_SOUNDS_MAX_FILE_BYTES)
 */
public record SoundSettings(Path promptsDirectory, Path musicDirectory, int maxFileBytes) {

    public static final String PROMPTS_DIRECTORY_PROPERTY = PromptLanguage.SOUNDS_FOLDER_PROPERTY;
    public static final String MUSIC_DIRECTORY_PROPERTY = "tandem.music.dir";
    public static final String MAX_FILE_BYTES_PROPERTY = "tandem.sounds.max.file.bytes";

    /**
     * Where Debian's asterisk-core-sounds-*-wav and asterisk-moh-opsound-wav install. 16 MiB is 17 minutes of
     * 8 kHz audio: three times the longest packaged track, and it bounds what one bad file costs the heap.
     */
    public static final SoundSettings DEFAULT = new SoundSettings(PromptLanguage.DEFAULT_SOUNDS_FOLDER,
            Path.of("/usr/share/asterisk/moh"), 16 * 1024 * 1024);

    public SoundSettings {
        promptsDirectory = promptsDirectory.toAbsolutePath().normalize();
        musicDirectory = musicDirectory.toAbsolutePath().normalize();
        if (maxFileBytes < 1024) {
            throw new IllegalArgumentException(MAX_FILE_BYTES_PROPERTY + " must be at least 1024, got " + maxFileBytes);
        }
    }

    public static SoundSettings fromProperties(Properties properties) {
        String music = properties.getProperty(MUSIC_DIRECTORY_PROPERTY);
        return new SoundSettings(PromptLanguage.soundsFolder(properties),
                music == null || music.isBlank() ? DEFAULT.musicDirectory : Path.of(music.strip()),
                NodeSettings.positive(properties, MAX_FILE_BYTES_PROPERTY, DEFAULT.maxFileBytes));
    }
}
