package org.tandem.portal.tenant;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.tandem.administration.extension.IssuedPortalLogin;
import org.tandem.portal.shared.ShownOnceDialog;

/**
 * Shows a tenant user's new portal login and its generated password, the only time anyone sees it:
 * Tandem keeps only its hash. Closing the dialog forgets it.
 */
final class IssuedLoginDialog extends ShownOnceDialog {

    IssuedLoginDialog(IssuedPortalLogin issued) {
        super("password", "issued-login-done");
        setHeaderTitle("Portal login for extension " + issued.extension().number());
        Span username = new Span(issued.username());
        username.setId("issued-login");
        Span password = secret(issued.password(), "issued-login-password");
        add(new Paragraph("Give these to " + issued.extension().displayName() + " now: the password is shown only "
                        + "this once. Signed in, they see their own phone and calls under My phone, and can change "
                        + "the password there."),
                new Paragraph(new Span("Username: "), username), new Paragraph(new Span("Password: "), password));
    }
}
