package org.tandem.engine.call.sessiontimer;

/** Which side of a dialog sends the session refreshes: its UAC (who sent the INVITE) or its UAS. */
public enum Refresher {
    UAC, UAS;

    /** The {@code refresher} parameter's value. */
    public String parameter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
