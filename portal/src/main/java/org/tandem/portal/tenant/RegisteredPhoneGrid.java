package org.tandem.portal.tenant;

import com.vaadin.flow.component.grid.Grid;
import org.tandem.administration.registration.RegisteredPhone;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Registered phones as a list: the extension, where the phone is and where it registered from, until when. */
final class RegisteredPhoneGrid extends Grid<RegisteredPhone> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneId.of("UTC"));

    RegisteredPhoneGrid(String id) {
        super(RegisteredPhone.class, false);
        setId(id);
        addColumn(RegisteredPhone::extension).setHeader("Extension").setAutoWidth(true);
        addColumn(RegisteredPhone::displayName).setHeader("Name").setAutoWidth(true);
        addColumn(RegisteredPhone::contact).setHeader("Contact").setAutoWidth(true);
        addColumn(RegisteredPhone::source).setHeader("From").setAutoWidth(true);
        addColumn(RegisteredPhone::userAgent).setHeader("Phone").setAutoWidth(true);
        addColumn(RegisteredPhone::node).setHeader("Node").setAutoWidth(true);
        addColumn(phone -> TIME.format(phone.expiresAt())).setHeader("Expires").setAutoWidth(true);
        setAllRowsVisible(true);
    }
}
