package org.tandem.portal.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.account.AccountService;
import org.tandem.administration.account.PasswordStrength;
import org.tandem.administration.account.PasswordThrottle;
import org.tandem.administration.account.PasswordThrottle.Looked;
import org.tandem.administration.account.PasswordThrottle.Paused;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.ClientAddress;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;

import java.util.Optional;

/**
 * Every signed-in person changes their own password here, whatever their role: the current one
 * first (a session left open must not be enough, and wrong ones count with failed sign-ins in the
 * {@link PasswordThrottle}), then the new one twice. Problems are shown under
 * their fields, all at once; the fields are emptied after each try, so no password stays on the page.
 */
@Route(value = "account/password", layout = MainLayout.class)
@PageTitle("Change password | Tandem")
public class ChangePasswordView extends VerticalLayout {

    static final String THROTTLED = "Too many wrong passwords for this login: try again in a few minutes";

    private final AccountService accounts;
    private final PasswordThrottle throttle;
    private final Actor actor;
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField newPassword = new PasswordField("New password");
    private final PasswordField repeated = new PasswordField("New password again");
    private final CurrentUser currentUser;
    private final FormMessages messages = new FormMessages();
    private final Paragraph done = new Paragraph();

    @Inject
    public ChangePasswordView(AccountService accounts, CurrentUser currentUser, PasswordThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.actor = currentUser.actor();

        current.setId("current-password");
        newPassword.setId("new-password");
        newPassword.setHelperText("At least " + PasswordStrength.MIN_LENGTH + " characters mixing three of lower case, "
                + "upper case, digits and symbols (or " + PasswordStrength.PASSPHRASE_LENGTH + " characters of anything)");
        repeated.setId("repeated-password");
        // the fields are emptied after each try: their messages must stay until the next one
        for (PasswordField field : new PasswordField[]{current, newPassword, repeated}) {
            field.setManualValidation(true);
        }
        messages.field(AccountService.CURRENT, current).field(AccountService.NEW, newPassword)
                .field(AccountService.REPEATED, repeated);
        done.setId("password-changed");
        done.setVisible(false);
        Button change = Forms.primaryButton("Change password", "change-password", this::change);
        add(new H2("Change password"), new Paragraph("Signed in as " + actor.username() + "."),
                current, newPassword, repeated, messages.general(), change, done);
    }

    private void change() {
        try {
            switch (throttle.checkPassword(actor.username(), ClientAddress.current(), this::tryChange,
                    refusal -> refusal.isEmpty() || !wrongCurrent(refusal.get()))) {
                case Paused<Optional<InvalidInputException>> _ -> {
                    done.setVisible(false);
                    messages.clear();
                    messages.showGeneral(THROTTLED);
                }
                case Looked<Optional<InvalidInputException>>(Optional<InvalidInputException> refusal)
                        when refusal.isPresent() -> {
                    done.setVisible(false);
                    messages.show(refusal.get());
                }
                case Looked<Optional<InvalidInputException>> _ -> {
                    messages.clear();
                    done.setText("Your password is changed. Use the new one the next time you sign in; "
                            + "browsers signed in with the old one elsewhere are signed out.");
                    done.setVisible(true);
                }
            }
        } finally {
            current.clear();
            newPassword.clear();
            repeated.clear();
        }
    }

    /** Changes the password as the form asks; empty when done, else what was wrong with the form. */
    private Optional<InvalidInputException> tryChange() {
        try {
            currentUser.changeOwnPassword(() -> accounts.changePassword(actor, current.getValue().toCharArray(),
                    newPassword.getValue().toCharArray(), repeated.getValue().toCharArray()));
            return Optional.empty();
        } catch (InvalidInputException refused) {
            return Optional.of(refused);
        }
    }

    /** Whether a current password was typed and was not the login's: a guess, counted as a failed sign-in. */
    private boolean wrongCurrent(InvalidInputException refused) {
        return !current.isEmpty() && refused.messages().containsKey(AccountService.CURRENT);
    }
}
