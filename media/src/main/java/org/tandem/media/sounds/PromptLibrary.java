package org.tandem.media.sounds;

import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.media.codec.G711;
import org.tandem.media.playback.Prompt;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The prompts of every language installed in the sounds folder, read once and kept in memory in both laws.
 * A language is a folder named as {@link PromptLanguage#ofSoundSetFolder} says ({@code en_US_f_Allison}, where
 * Debian's asterisk-core-sounds-en-wav installs); a prompt is named by its path inside that folder without
 * {@code .wav} ({@code vm-youhave}, {@code digits/3}).
 * <p>
 * English is the fallback: a prompt a language lacks is played in English, and logged once. A file that is
 * not 8 kHz 16-bit mono PCM, or is too big, is refused and logged; the load fails at start-up, in words, when
 * English lacks one of the prompts the node needs.
 */
public final class PromptLibrary {

    private static final System.Logger LOG = System.getLogger(PromptLibrary.class.getName());
    private static final String WAV = ".wav";

    private final Map<PromptLanguage, Map<String, SoundFile>> languages;
    private final SortedMap<Path, String> refused;
    private final Set<String> fallbacksLogged = ConcurrentHashMap.newKeySet();

    private PromptLibrary(Map<PromptLanguage, Map<String, SoundFile>> languages, SortedMap<Path, String> refused) {
        this.languages = languages;
        this.refused = refused;
    }

    /**
     * Reads every language folder under the settings' prompts folder.
     *
     * @param required the prompts the node plays: each must be in English, or the load fails
     * @throws IllegalStateException when English is not installed or lacks a required prompt
     */
    public static PromptLibrary load(SoundSettings settings, Collection<String> required) throws IOException {
        Path root = settings.promptsDirectory();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the sounds folder " + root + " (" + SoundSettings.PROMPTS_DIRECTORY_PROPERTY
                    + ") does not exist: install Debian's asterisk-core-sounds-en-wav");
        }
        Map<PromptLanguage, Map<String, SoundFile>> languages = new HashMap<>();
        SortedMap<Path, String> refused = new TreeMap<>();
        List<Path> folders;
        try (Stream<Path> listing = Files.list(root)) {
            folders = listing.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            Optional<PromptLanguage> named = PromptLanguage.ofSoundSetFolder(folder.getFileName().toString());
            if (named.isEmpty()) {
                continue;
            }
            PromptLanguage language = named.get();
            if (languages.containsKey(language)) {
                LOG.log(Level.WARNING, "{0} is a second sound set for language {1}: ignored", folder, language);
                continue;
            }
            languages.put(language, readLanguage(folder, settings.maxFileBytes(), refused));
        }
        Map<String, SoundFile> english = languages.get(PromptLanguage.ENGLISH);
        if (english == null) {
            throw new IllegalStateException("no English prompts in " + root
                    + ": install Debian's asterisk-core-sounds-en-wav (./tandem run does as root)");
        }
        List<String> missing = required.stream().filter(prompt -> !english.containsKey(prompt)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the English prompts in " + root + " lack " + String.join(", ", missing)
                    + (refused.isEmpty() ? "" : "; refused: " + refused));
        }
        return new PromptLibrary(Map.copyOf(languages), Collections.unmodifiableSortedMap(refused));
    }

    private static Map<String, SoundFile> readLanguage(Path folder, int maxBytes, SortedMap<Path, String> refused)
            throws IOException {
        Map<String, SoundFile> prompts = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(WAV))
                    .sorted().toList();
        }
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            try {
                prompts.put(relative.substring(0, relative.length() - WAV.length()), SoundFile.read(file, maxBytes));
            } catch (IOException unreadable) {
                refused.put(file, unreadable.getMessage());
                LOG.log(Level.WARNING, "prompt refused: {0}", unreadable.getMessage());
            }
        }
        return Map.copyOf(prompts);
    }

    /** The languages installed, by ISO 639 code: what a tenant may choose. */
    public SortedSet<PromptLanguage> languages() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(languages.keySet()));
    }

    /** The prompts of a language. */
    public int promptCount(PromptLanguage language) {
        return languages.getOrDefault(language, Map.of()).size();
    }

    /** The files found but refused, with the reason of each. */
    public SortedMap<Path, String> refused() {
        return refused;
    }

    /**
     * The prompt {@code name} in {@code language}, else in English.
     *
     * @throws IllegalArgumentException when not even English has it
     */
    public Prompt prompt(String name, PromptLanguage language, G711 law) {
        SoundFile sound = languages.getOrDefault(language, Map.of()).get(name);
        if (sound == null) {
            sound = languages.get(PromptLanguage.ENGLISH).get(name);
            if (sound == null) {
                throw new IllegalArgumentException("no prompt '" + name + "' in " + language + " nor in English");
            }
            if (fallbacksLogged.add(language.code() + '/' + name)) {
                LOG.log(Level.INFO, "prompt {0} is not installed in language {1}: played in English", name, language);
            }
        }
        return sound.in(law);
    }

    /** The prompts one after the other, as one prompt to play. */
    public Prompt say(List<String> names, PromptLanguage language, G711 law) {
        List<Prompt> parts = new ArrayList<>(names.size());
        for (String name : names) {
            parts.add(prompt(name, language, law));
        }
        return Prompt.join(parts);
    }
}
