package org.tandem.domain.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The language a tenant's callers hear the node's prompts in, by its ISO 639 code ({@code en}, {@code fr}).
 * The languages offered are the sound sets installed on the node: one folder each in the sounds folder,
 * named by the code alone or followed by Asterisk's {@code _<country>_<voice>} ({@code en_US_f_Allison}, as
 * Debian's asterisk-core-sounds-en-wav installs it). Stored in {@code tenant.prompt_language}.
 */
public record PromptLanguage(String code) implements Comparable<PromptLanguage> {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern SOUND_SET_FOLDER = Pattern.compile("(" + CODE.pattern() + ")(?:_[A-Za-z0-9_]+)?");

    /** Every node has English (it is the fallback of every other language), and every tenant starts with it. */
    public static final PromptLanguage ENGLISH = new PromptLanguage("en");

    /** The node's sounds folder (TANDEM_SOUNDS_DIR): one folder per installed language. */
    public static final String SOUNDS_FOLDER_PROPERTY = "tandem.sounds.dir";
    /** Where Debian's asterisk-core-sounds-*-wav packages install. */
    public static final Path DEFAULT_SOUNDS_FOLDER = Path.of("/usr/share/asterisk/sounds");

    public PromptLanguage {
        Objects.requireNonNull(code, "language");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a language code (two or three lower-case letters, as en or fr)");
        }
    }

    /** The language of a sound set's folder, if its name is one. */
    public static Optional<PromptLanguage> ofSoundSetFolder(String folderName) {
        Matcher name = SOUND_SET_FOLDER.matcher(folderName);
        return name.matches() ? Optional.of(new PromptLanguage(name.group(1))) : Optional.empty();
    }

    /** The node's sounds folder, as its settings name it. */
    public static Path soundsFolder(Properties settings) {
        String value = settings.getProperty(SOUNDS_FOLDER_PROPERTY);
        return value == null || value.isBlank() ? DEFAULT_SOUNDS_FOLDER : Path.of(value.strip());
    }

    /** The languages whose sound sets are in {@code soundsFolder}, by code; none when the folder does not exist. */
    public static List<PromptLanguage> installedIn(Path soundsFolder) {
        try (Stream<Path> folders = Files.list(soundsFolder)) {
            return folders.filter(Files::isDirectory).map(folder -> ofSoundSetFolder(folder.getFileName().toString()))
                    .flatMap(Optional::stream).distinct().sorted().toList();
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public int compareTo(PromptLanguage other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
