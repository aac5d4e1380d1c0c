package org.tandem.portal.error;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.portal.layout.MainLayout;

/** A page (or action) the signed-in role may not use at all. */
@ParentLayout(MainLayout.class)
public class NoAccessView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        H2 title = new H2(parameter.getCaughtException().getMessage());
        title.setId("no-access");
        add(title);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
