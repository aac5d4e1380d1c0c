package org.tandem.portal.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.portal.layout.MainLayout;

/** A page (or action) the signed-in role may not use at all. */
@ParentLayout(MainLayout.class)
public class NoAccessView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return show(parameter.getCaughtException(), "no-access", HttpServletResponse.SC_FORBIDDEN);
    }
}
