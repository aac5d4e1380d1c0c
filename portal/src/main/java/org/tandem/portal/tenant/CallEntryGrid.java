package org.tandem.portal.tenant;

import com.vaadin.flow.component.grid.Grid;
import org.tandem.administration.calls.CallEntry;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Calls as a list: when, who called whom, the outcome and how long they talked (times in UTC). */
final class CallEntryGrid extends Grid<CallEntry> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("UTC"));

    CallEntryGrid(String id) {
        super(CallEntry.class, false);
        setId(id);
        addColumn(call -> TIME.format(call.startedAt())).setHeader("Started (UTC)").setAutoWidth(true);
        addColumn(CallEntry::caller).setHeader("From").setAutoWidth(true);
        addColumn(CallEntry::callee).setHeader("To").setAutoWidth(true);
        addColumn(CallEntry::disposition).setHeader("Outcome").setAutoWidth(true);
        addColumn(call -> call.talkSeconds() == null ? "" : duration(call.talkSeconds())).setHeader("Talked").setAutoWidth(true);
        addColumn(CallEntry::sipCause).setHeader("SIP").setAutoWidth(true);
        setAllRowsVisible(true);
    }

    private static String duration(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
