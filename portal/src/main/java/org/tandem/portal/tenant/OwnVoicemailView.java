package org.tandem.portal.tenant;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.tandem.administration.access.Actor;
import org.tandem.administration.voicemail.VoicemailService;
import org.tandem.portal.layout.MainLayout;
import org.tandem.portal.security.CurrentUser;
import org.tandem.portal.shared.LiveList;

import java.util.Optional;

/**
 * A tenant user's own mailbox, the one of the extension their login is linked to (from the login, never
 * the address); a new message shows up without a reload.
 */
@Route(value = "my-voicemail", layout = MainLayout.class)
@PageTitle("My voicemail | Tandem")
@RolesAllowed("TENANT_USER")
public class OwnVoicemailView extends VerticalLayout {

    private final VoicemailService voicemail;
    private final Actor actor;
    private final VoicemailPanel panel;
    private final Optional<String> own;
    private AutoCloseable watching;

    @Inject
    public OwnVoicemailView(VoicemailService voicemail, CurrentUser currentUser) {
        this.voicemail = voicemail;
        this.actor = currentUser.actor();
        this.panel = new VoicemailPanel(voicemail, actor);
        this.own = voicemail.ownMailbox(actor);
        Paragraph none = new Paragraph("Your login has no mailbox: it is linked to no extension, or the extension "
                + "has no mailbox. Ask your company's administrator.");
        none.setId("no-mailbox");
        none.setVisible(own.isEmpty());
        panel.setVisible(own.isPresent());
        own.ifPresent(number -> panel.show(actor.tenantId(), number));
        add(new H2("My voicemail"), none, panel);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (own.isPresent()) {
            watching = LiveList.follow(event.getUI(), onChange -> voicemail.watch(actor, actor.tenantId(), onChange),
                    panel::reread, Runnable::run);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        LiveList.stop(watching, "the own voicemail");
    }
}
