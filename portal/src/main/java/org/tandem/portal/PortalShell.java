package org.tandem.portal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.router.PageTitle;

/**
 * The page every portal URL first loads (Vaadin's bootstrap HTML). Its title is what a browser
 * tab and a plain HTTP client see before any view has rendered; each view then sets its own.
 * {@code @Push}: live views get changes over the UI's WebSocket as they happen, never by polling.
 */
@PageTitle("Tandem")
@Push
public class PortalShell implements AppShellConfigurator {
}
