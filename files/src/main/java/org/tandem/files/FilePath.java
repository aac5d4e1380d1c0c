package org.tandem.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A place in the cluster's files, relative to their folder, in the one layout every node shares:
 * <pre>
 *   sounds/&lt;language&gt;/&lt;name&gt;...                  prompts in a language (en, en_US, fr ...)
 *   tenants/&lt;tenant id&gt;/&lt;area&gt;/&lt;name&gt;...        a tenant's greetings, voicemail, recordings, music
 * </pre>
 * The first two (sounds) or three (tenants) segments are the layout's folders; the names below them are
 * the caller's. Every segment is 1 to {@value #MAX_SEGMENT_LENGTH} letters, digits, dots, underscores or
 * hyphens, not beginning with a dot (a path cannot climb out with {@code ..}, nor name a hidden file: hidden
 * names are the store's own temporaries); at most {@value #MAX_DEPTH} segments and
 * {@value #MAX_LENGTH} characters in all, well inside what Linux and GlusterFS take (255 bytes a name,
 * 4096 a path) wherever the folder is mounted. Tenant ids are canonical lower-case UUIDs, so one tenant
 * has one folder.
 */
public final class FilePath {

    public static final int MAX_SEGMENT_LENGTH = 200;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_LENGTH = 1024;

    static final String SOUNDS = "sounds";
    static final String TENANTS = "tenants";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");

    private final List<String> segments;

    private FilePath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The path written with '/' between segments, as {@link #toString()} gives it. */
    public static FilePath parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidFilePathException(String.valueOf(path), "it is empty");
        }
        if (path.length() > MAX_LENGTH) {
            throw new InvalidFilePathException(path, "it is longer than " + MAX_LENGTH + " characters");
        }
        if (path.startsWith("/")) {
            throw new InvalidFilePathException(path, "it is absolute; paths are relative to the files' folder");
        }
        return of(path, Arrays.asList(path.split("/", -1)));
    }

    /** A prompt (or a folder of prompts) in {@code language}: {@code sounds/<language>/<names>}. */
    public static FilePath sound(String language, String... names) {
        List<String> segments = new ArrayList<>(List.of(SOUNDS, language));
        segments.addAll(Arrays.asList(names));
        return of(String.join("/", segments), segments);
    }

    /** A tenant's file (or folder) in {@code area}: {@code tenants/<tenant id>/<area>/<names>}. */
    public static FilePath tenant(UUID tenant, TenantArea area, String... names) {
        List<String> segments = new ArrayList<>(List.of(TENANTS, tenant.toString(), area.folder()));
        segments.addAll(Arrays.asList(names));
        return of(String.join("/", segments), segments);
    }

    private static FilePath of(String path, List<String> segments) {
        if (segments.size() > MAX_DEPTH) {
            throw new InvalidFilePathException(path, "it has more than " + MAX_DEPTH + " segments");
        }
        for (String segment : segments) {
            checkSegment(path, segment);
        }
        checkLayout(path, segments);
        FilePath checked = new FilePath(segments);
        if (checked.toString().length() > MAX_LENGTH) {
            throw new InvalidFilePathException(path, "it is longer than " + MAX_LENGTH + " characters");
        }
        return checked;
    }

    private static void checkSegment(String path, String segment) {
        if (segment == null || segment.isEmpty()) {
            throw new InvalidFilePathException(path, "it has an empty segment (a doubled or trailing '/')");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new InvalidFilePathException(path, "'" + segment + "' is not allowed in a path");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new InvalidFilePathException(path, "a segment is longer than " + MAX_SEGMENT_LENGTH + " characters");
        }
        if (segment.startsWith(".")) {
            throw new InvalidFilePathException(path, "a name may not begin with a dot");
        }
        if (!SEGMENT.matcher(segment).matches()) {
            throw new InvalidFilePathException(path,
                    "names may hold only letters A-Z and a-z, digits, '.', '_' and '-'");
        }
    }

    private static void checkLayout(String path, List<String> segments) {
        switch (segments.getFirst()) {
            case SOUNDS -> {
                if (segments.size() < 2 || !LANGUAGE.matcher(segments.get(1)).matches()) {
                    throw new InvalidFilePathException(path,
                            "sounds/ is followed by a language such as en, de or en_US");
                }
            }
            case TENANTS -> {
                if (segments.size() < 3) {
                    throw new InvalidFilePathException(path, "tenants/ is followed by a tenant id and an area");
                }
                if (!canonicalUuid(segments.get(1))) {
                    throw new InvalidFilePathException(path, "'" + segments.get(1)
                            + "' is not a tenant id (a lower-case UUID)");
                }
                if (TenantArea.ofFolder(segments.get(2)) == null) {
                    throw new InvalidFilePathException(path, "a tenant's files are in one of "
                            + Arrays.stream(TenantArea.values()).map(TenantArea::folder).toList());
                }
            }
            default -> throw new InvalidFilePathException(path, "paths begin with sounds/ or tenants/");
        }
    }

    private static boolean canonicalUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    /** Whether this is one of the layout's own folders (sounds/en, tenants/x/voicemail), which no file may replace. */
    public boolean isLayoutFolder() {
        return segments.size() == (segments.getFirst().equals(SOUNDS) ? 2 : 3);
    }

    /** The path of {@code name} inside this folder. */
    public FilePath resolve(String... names) {
        List<String> child = new ArrayList<>(segments);
        child.addAll(Arrays.asList(names));
        return of(toString() + "/" + String.join("/", names), child);
    }

    /** The folder holding this path, unless this is one of the layout's own folders. */
    public Optional<FilePath> parent() {
        return isLayoutFolder() ? Optional.empty() : Optional.of(new FilePath(segments.subList(0, segments.size() - 1)));
    }

    /** The last segment. */
    public String name() {
        return segments.getLast();
    }

    /** The tenant whose file this is, if it is in a tenant's folder. */
    public Optional<UUID> tenant() {
        return segments.getFirst().equals(TENANTS) ? Optional.of(UUID.fromString(segments.get(1))) : Optional.empty();
    }

    List<String> segments() {
        return segments;
    }

    /** Whether {@code name} could be the last segment of a path: what a listing shows and a temporary never is. */
    static boolean isVisibleName(String name) {
        return name.length() <= MAX_SEGMENT_LENGTH && !name.equals(".") && !name.equals("..")
                && SEGMENT.matcher(name).matches();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilePath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
