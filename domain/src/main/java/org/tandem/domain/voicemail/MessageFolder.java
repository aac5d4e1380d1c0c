package org.tandem.domain.voicemail;

/**
 * Where a message is filed. A message only moves forward, new to saved to deleted: any node may file
 * it, and a message's folder is the furthest any node filed it, so two nodes filing it at once agree
 * without asking each other and a deleted message never comes back. The order of the constants is
 * that rank (the database reads it so).
 */
public enum MessageFolder {
    /** Not yet heard through to the end. */
    NEW,
    /** Heard, or kept on purpose. */
    SAVED,
    /** Deleted by its owner: no longer shown to anyone; the row and the file wait for the purge. */
    DELETED;

    /** The further of this folder and {@code other}. */
    public MessageFolder furthest(MessageFolder other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
