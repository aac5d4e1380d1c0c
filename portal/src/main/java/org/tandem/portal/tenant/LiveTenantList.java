package org.tandem.portal.tenant;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.tandem.administration.access.Actor;
import org.tandem.portal.shared.LiveList;
import org.tandem.portal.shared.RouteIds;

import java.util.UUID;

/**
 * A tenant page showing a list that the database tells this node about as it changes (registered
 * phones, active calls): read when the page is entered (the service checks the owner, so a foreign
 * id in the address ends in "No such customer"), then followed while the page is attached and
 * pushed to the browser ({@link LiveList}).
 */
abstract class LiveTenantList<S> extends VerticalLayout implements BeforeEnterObserver {

    protected final Actor actor;
    private UUID tenantId;
    private AutoCloseable watching;

    protected LiveTenantList(Actor actor) {
        this.actor = actor;
    }

    /** The tenant's list (and what else the page shows with it) as it is now. */
    protected abstract S read(UUID tenant);

    /** Starts telling {@code onChange} when the tenant's list may have changed. */
    protected abstract AutoCloseable watch(UUID tenant, Runnable onChange);

    /** Shows {@code current}; called in the UI's session. */
    protected abstract void show(S current);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        tenantId = RouteIds.get(event, TenantRoute.TENANT_ID);
        show(read(tenantId));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        watching = LiveList.follow(event.getUI(), onChange -> watch(tenantId, onChange), () -> read(tenantId),
                this::show);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        LiveList.stop(watching, getClass().getSimpleName());
    }
}
