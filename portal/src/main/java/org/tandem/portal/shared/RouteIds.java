package org.tandem.portal.shared;

import com.vaadin.flow.router.BeforeEnterEvent;
import org.tandem.administration.access.NotFoundException;

import java.util.UUID;

/** Ids read from a route; the routes' templates already take only UUID-shaped text. */
public final class RouteIds {

    /** What a route template's id parameter matches. */
    public static final String UUID_PATTERN = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

    private RouteIds() {
    }

    public static UUID get(BeforeEnterEvent event, String parameter) {
        try {
            return UUID.fromString(event.getRouteParameters().get(parameter).orElseThrow());
        } catch (RuntimeException notAnId) {
            throw new NotFoundException("No such page");
        }
    }
}
