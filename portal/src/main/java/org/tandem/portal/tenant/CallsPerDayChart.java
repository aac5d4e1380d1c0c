package org.tandem.portal.tenant;

import com.vaadin.flow.component.Svg;
import org.tandem.administration.calls.DayCount;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Calls per day as a bar chart, drawn on the server as SVG: no charting library in the browser (the
 * free ones would mean another frontend bundle; Vaadin's own charts need a licence). Bars are sized
 * to the busiest day; a day's bar carries its date and count as a tooltip, and every few days a label.
 */
final class CallsPerDayChart extends Svg {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 160;
    private static final int AXIS = 20;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd");

    CallsPerDayChart() {
        setId("calls-per-day");
    }

    void show(List<DayCount> days) {
        long most = Math.max(1, days.stream().mapToLong(DayCount::calls).max().orElse(0));
        double slot = (double) WIDTH / Math.max(1, days.size());
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 12.0));
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' role='img' width='" + WIDTH
                + "' height='" + (HEIGHT + AXIS) + "' aria-label='Calls per day'>");
        for (int i = 0; i < days.size(); i++) {
            DayCount day = days.get(i);
            double height = (double) HEIGHT * day.calls() / most;
            double x = i * slot;
            svg.append(String.format(java.util.Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#1676f3'><title>%s: %d calls</title></rect>",
                    x + slot * 0.1, HEIGHT - height, slot * 0.8, height, day.day(), day.calls()));
            if (i % labelEvery == 0) {
                svg.append(String.format(java.util.Locale.ROOT,
                        "<text x='%.1f' y='%d' font-size='11' fill='#555'>%s</text>", x, HEIGHT + 15, LABEL.format(day.day())));
            }
        }
        svg.append("<text x='").append(WIDTH - 4).append("' y='12' font-size='11' fill='#555' text-anchor='end'>max ")
                .append(most).append("</text></svg>");
        setSvg(svg.toString());
    }
}
