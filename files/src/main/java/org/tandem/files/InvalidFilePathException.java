package org.tandem.files;

/** A path that is not in the files' layout ({@link FilePath}); its message says why, in words. */
public final class InvalidFilePathException extends IllegalArgumentException {

    InvalidFilePathException(String path, String why) {
        super("not a path of Tandem's files: '" + printable(path) + "': " + why);
    }

    /** The path as it may be shown: controls escaped, cut short, so that a hostile path cannot forge log lines. */
    private static String printable(String path) {
        String shown = path.length() > 120 ? path.substring(0, 120) + "..." : path;
        StringBuilder printable = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append("\\u%04x".formatted(c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }
}
