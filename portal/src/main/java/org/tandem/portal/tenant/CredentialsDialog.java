package org.tandem.portal.tenant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.tandem.administration.extension.IssuedCredentials;
import org.tandem.portal.shared.ShownOnceDialog;

import java.util.List;

/**
 * Shows SIP passwords just made, with the voicemail PINs of new extensions, the only time anyone sees
 * them: Tandem keeps only their hashes. Closing the dialog forgets them.
 */
final class CredentialsDialog extends ShownOnceDialog {

    CredentialsDialog(List<IssuedCredentials> issued) {
        super(issued.size() == 1 ? "password" : "passwords", "credentials-done");
        setHeaderTitle(issued.size() == 1 ? "SIP credentials of extension " + issued.getFirst().extension().number()
                : "SIP credentials of " + issued.size() + " new extensions");
        boolean withPins = issued.getFirst().voicemailPin() != null;
        Paragraph once = new Paragraph((withPins ? "Copy the passwords and voicemail PINs now: this is the only time "
                + "they are shown." : "Copy the password now: this is the only time it is shown.")
                + " Phones register as the SIP user, with the SIP domain as realm.");
        add(once, issued.size() == 1 ? single(issued.getFirst()) : table(issued));
    }

    private static Component single(IssuedCredentials credentials) {
        Span user = new Span(credentials.sipUser());
        user.setId("sip-user");
        Span password = secret(credentials.sipPassword(), "sip-password");
        Div shown = new Div(new Paragraph(new Span("SIP user: "), user), new Paragraph(new Span("Password: "), password));
        if (credentials.voicemailPin() != null) {
            shown.add(new Paragraph(new Span("Voicemail PIN: "), secret(credentials.voicemailPin(), "voicemail-pin")));
        }
        return shown;
    }

    private static Component table(List<IssuedCredentials> issued) {
        Grid<IssuedCredentials> grid = new Grid<>();
        grid.setId("issued-credentials");
        grid.addColumn(IssuedCredentials::sipUser).setHeader("SIP user").setKey("sip-user").setAutoWidth(true);
        grid.addColumn(credentials -> credentials.extension().displayName()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(IssuedCredentials::sipPassword).setHeader("Password").setAutoWidth(true);
        grid.addColumn(IssuedCredentials::voicemailPin).setHeader("Voicemail PIN").setKey("voicemail-pin")
                .setAutoWidth(true);
        grid.setItems(issued);
        grid.setAllRowsVisible(true);
        grid.setMinWidth("40em");
        return grid;
    }
}
