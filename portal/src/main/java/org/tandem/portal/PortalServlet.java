package org.tandem.portal;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;

/**
 * The one servlet of the portal, owning every path of the WAR. Being a {@link CdiVaadinServlet}, it
 * makes views, layouts and Vaadin's listeners through CDI, so views take their collaborators by
 * constructor injection. vaadin-cdi would register the same servlet on its own when none is mapped
 * to {@code /*}; declaring it keeps the mapping visible and in one place.
 */
@WebServlet(name = "portal", urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1,
        // an open page's heartbeats must not keep a session alive forever: idle sessions end with the
        // server's session timeout (30 minutes), even on a page that pushes
        initParams = @WebInitParam(name = "closeIdleSessions", value = "true"))
public class PortalServlet extends CdiVaadinServlet {
}
