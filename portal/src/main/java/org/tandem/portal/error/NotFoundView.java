package org.tandem.portal.error;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.administration.access.NotFoundException;
import org.tandem.portal.layout.MainLayout;

/** "No such customer" (or extension): the same page whether the id does not exist or is someone else's. */
@ParentLayout(MainLayout.class)
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return show(parameter.getCaughtException(), "not-found", HttpServletResponse.SC_NOT_FOUND,
                new Paragraph("It may have been deleted, or the link is wrong."));
    }
}
