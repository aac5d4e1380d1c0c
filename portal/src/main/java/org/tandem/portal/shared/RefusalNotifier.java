package org.tandem.portal.shared;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import org.tandem.administration.access.AccessDeniedException;
import org.tandem.domain.tenant.NotHomeNodeException;

/**
 * Shows a change refused wherever it was asked (a row's button, a dialog) rather than on a form that
 * shows it itself: on this node because another node is the tenant's home node (the notification
 * names the home node and its portal), or for this login at all (a suspended tenant's own admin, say).
 * Any other error goes to Vaadin's own handler.
 */
public class RefusalNotifier implements ErrorHandler {

    private static final ErrorHandler DEFAULT = new DefaultErrorHandler();

    @Override
    public void error(ErrorEvent event) {
        RuntimeException refused = refusal(event.getThrowable());
        if (refused == null || UI.getCurrent() == null) {
            DEFAULT.error(event);
            return;
        }
        Notification notification = new Notification(refused.getMessage() + ". Nothing was changed.", 15_000,
                Notification.Position.MIDDLE);
        notification.setId(refused instanceof NotHomeNodeException ? "not-home-node" : "not-allowed");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    private static RuntimeException refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotHomeNodeException || cause instanceof AccessDeniedException) {
                return (RuntimeException) cause;
            }
        }
        return null;
    }
}
