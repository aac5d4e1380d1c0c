package org.tandem.files;

import java.util.Locale;

/** The folders a tenant's files are kept in, under {@code tenants/<tenant id>/}: each area's name in lower case. */
public enum TenantArea {
    GREETINGS,
    VOICEMAIL,
    RECORDINGS,
    MUSIC;

    /** The folder's name in the layout. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TenantArea ofFolder(String folder) {
        for (TenantArea area : values()) {
            if (area.folder().equals(folder)) {
                return area;
            }
        }
        return null;
    }
}
