package org.tandem.administration.account;

import org.tandem.administration.access.Actor;

/** What every signed-in person may do to their own login, whatever their role. */
public interface AccountService {

    /** Field names of {@link #changePassword}'s messages. */
    String CURRENT = "current";
    String NEW = "new";
    String REPEATED = "repeated";

    /**
     * Replaces the actor's own password once {@code current} is right, {@code newPassword} is strong
     * enough ({@link PasswordStrength}) and differs from it, and {@code repeated} is the same.
     *
     * @throws org.tandem.administration.shared.InvalidInputException naming each field's problem; nothing changed
     */
    void changePassword(Actor actor, char[] current, char[] newPassword, char[] repeated);
}
