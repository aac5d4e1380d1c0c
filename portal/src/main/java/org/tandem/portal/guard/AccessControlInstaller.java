package org.tandem.portal.guard;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.tandem.portal.shared.RefusalNotifier;

/**
 * Puts the {@link ViewAccessGuard} in front of every UI the portal creates. Vaadin finds this class
 * through {@code META-INF/services} (the same way on WildFly and in the browserless tests), and the
 * guard itself comes from the service's instantiator, i.e. from CDI on WildFly. Each session also
 * gets the {@link RefusalNotifier}, so a change refused on this node is told, never a bare error.
 */
public class AccessControlInstaller implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addUIInitListener(uiInit -> uiInit.getUI()
                .addBeforeEnterListener(service.getInstantiator().getOrCreate(ViewAccessGuard.class)));
        service.addSessionInitListener(sessionInit -> sessionInit.getSession().setErrorHandler(new RefusalNotifier()));
    }
}
