package org.tandem.portal;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.WebServlet;

/**
 * The one servlet of the portal, owning every path of the WAR. Being a {@link CdiVaadinServlet}, it
 * makes views, layouts and Vaadin's listeners through CDI, so views take their collaborators by
 * constructor injection. vaadin-cdi would register the same servlet on its own when none is mapped
 * to {@code /*}; declaring it keeps the mapping visible and in one place.
 */
@WebServlet(name = "portal", urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
public class PortalServlet extends CdiVaadinServlet {
}
