package org.tandem.portal.error;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The look of every error page: the refusal's own words as its heading, then what else it says. */
abstract class ErrorPage extends VerticalLayout {

    /**
     * Shows {@code caught}'s message under the heading id {@code headingId}, then {@code more}.
     *
     * @return {@code status}, the HTTP status the page is sent with
     */
    protected int show(Exception caught, String headingId, int status, Component... more) {
        removeAll();
        H2 title = new H2(caught.getMessage());
        title.setId(headingId);
        add(title);
        add(more);
        return status;
    }
}
