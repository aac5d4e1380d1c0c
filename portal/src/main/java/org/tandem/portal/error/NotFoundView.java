package org.tandem.portal.error;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.administration.access.NotFoundException;
import org.tandem.portal.layout.MainLayout;

/** "No such customer" (or extension): the same page whether the id does not exist or is someone else's. */
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2(parameter.getCaughtException().getMessage());
        title.setId("not-found");
        add(title, new Paragraph("It may have been deleted, or the link is wrong."));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
