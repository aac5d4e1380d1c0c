package org.tandem.media.sounds;

import org.tandem.media.codec.G711;
import org.tandem.media.playback.Prompt;
import org.tandem.media.playback.Source;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Music on hold: tracks played one after the other, round and round, as one stream per law that every held
 * call hears in step (a call put on hold joins wherever the music is). Nothing is kept per listener, so a
 * thousand held calls cost what one does.
 */
public final class MusicOnHold {

    private static final System.Logger LOG = System.getLogger(MusicOnHold.class.getName());

    private final List<Path> tracks;
    private final Map<G711, Source> streams;

    private MusicOnHold(List<Path> tracks, Map<G711, Source> streams) {
        this.tracks = List.copyOf(tracks);
        this.streams = streams;
    }

    /** The tracks of the settings' music folder (Debian's asterisk-moh-opsound-wav), by file name. */
    public static MusicOnHold load(SoundSettings settings) throws IOException {
        Path folder = settings.musicDirectory();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("the music folder " + folder + " (" + SoundSettings.MUSIC_DIRECTORY_PROPERTY
                    + ") does not exist: install Debian's asterisk-moh-opsound-wav");
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return playlist(listing.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".wav")).sorted().toList(),
                    settings.maxFileBytes());
        }
    }

    /**
     * The tracks in this order, each read in both laws; a track that cannot be played is logged and left out.
     *
     * @throws IllegalStateException when no track can be played
     */
    public static MusicOnHold playlist(List<Path> files, int maxFileBytes) {
        List<Path> played = new ArrayList<>();
        List<Prompt> muLaw = new ArrayList<>();
        List<Prompt> aLaw = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            try {
                SoundFile track = SoundFile.read(file, maxFileBytes);
                muLaw.add(track.muLaw());
                aLaw.add(track.aLaw());
                played.add(file);
            } catch (IOException unreadable) {
                refused.add(unreadable.getMessage());
                LOG.log(Level.WARNING, "music track refused: {0}", unreadable.getMessage());
            }
        }
        if (played.isEmpty()) {
            throw new IllegalStateException("no music on hold to play among " + files + (refused.isEmpty() ? "" : ": " + refused));
        }
        Map<G711, Source> streams = new EnumMap<>(G711.class);
        streams.put(G711.MU_LAW, Prompt.join(muLaw).shared());
        streams.put(G711.A_LAW, Prompt.join(aLaw).shared());
        return new MusicOnHold(played, streams);
    }

    /** The one stream of this music in {@code law}: the same source for every call that listens. */
    public Source stream(G711 law) {
        return streams.get(law);
    }

    /** The tracks played, in order. */
    public List<Path> tracks() {
        return tracks;
    }
}
