package org.tandem.files;

/** The folders a tenant's files are kept in, under {@code tenants/<tenant id>/}. */
public enum TenantArea {
    GREETINGS("greetings"),
    VOICEMAIL("voicemail"),
    RECORDINGS("recordings"),
    MUSIC("music");

    private final String folder;

    TenantArea(String folder) {
        this.folder = folder;
    }

    /** The folder's name in the layout. */
    public String folder() {
        return folder;
    }

    static TenantArea ofFolder(String folder) {
        for (TenantArea area : values()) {
            if (area.folder.equals(folder)) {
                return area;
            }
        }
        return null;
    }
}
