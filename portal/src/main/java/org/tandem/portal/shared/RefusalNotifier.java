package org.tandem.portal.shared;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.tandem.domain.tenant.NotHomeNodeException;

/**
 * Shows a change refused on this node because another node is the tenant's home node, wherever the
 * change was asked (a row's button, a dialog) rather than on a form that shows it itself: a
 * notification naming the home node and its portal. Any other error goes to Vaadin's own handler.
 */
public class RefusalNotifier implements ErrorHandler {

    private static final ErrorHandler DEFAULT = new DefaultErrorHandler();

    @Override
    public void error(ErrorEvent event) {
        NotHomeNodeException refused = notHome(event.getThrowable());
        if (refused == null || UI.getCurrent() == null) {
            DEFAULT.error(event);
            return;
        }
        Notification notification = new Notification(refused.getMessage() + ". Nothing was changed.", 15_000,
                Notification.Position.MIDDLE);
        notification.setId("not-home-node");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    private static NotHomeNodeException notHome(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotHomeNodeException refused) {
                return refused;
            }
        }
        return null;
    }
}
