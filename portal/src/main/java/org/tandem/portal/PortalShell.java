package org.tandem.portal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.router.PageTitle;

/**
 * The page every portal URL first loads (Vaadin's bootstrap HTML). Its title is what a browser
 * tab and a plain HTTP client see before any view has rendered; each view then sets its own.
 * {@code @Push}: live views get changes over the UI's WebSocket as they happen, never by polling.
 * Manual mode: only a live view that has news pushes ({@code UI.push()}). In automatic mode Vaadin
 * also pushes the detach of every page a browser leaves, often onto the WebSocket the browser just
 * closed, which Vaadin 24.9 on Undertow then logs as an ERROR ("Request object no longer valid").
 */
@PageTitle("Tandem")
@Push(PushMode.MANUAL)
public class PortalShell implements AppShellConfigurator {
}
