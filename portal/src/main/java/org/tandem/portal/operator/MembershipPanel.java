package org.tandem.portal.operator;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.tandem.administration.operator.MembershipJob;
import org.tandem.administration.operator.MembershipJob.Kind;
import org.tandem.administration.operator.MembershipJob.Outcome;
import org.tandem.domain.node.ClusterMembershipChanges.Step;

import java.util.Locale;

/**
 * The join or removal running from this node, or the last one: its steps (done, under way, failed,
 * to come) and how it ended. Hidden until this node has run one.
 */
final class MembershipPanel extends VerticalLayout {

    private final Paragraph title = new Paragraph();
    private final HorizontalLayout steps = new HorizontalLayout();
    private final Paragraph outcome = new Paragraph();

    MembershipPanel() {
        setId("membership-job");
        setPadding(false);
        setSpacing(false);
        title.setId("membership-title");
        steps.setId("membership-steps");
        outcome.setId("membership-outcome");
        add(title, steps, outcome);
        setVisible(false);
    }

    void show(MembershipJob job) {
        setVisible(true);
        title.setText((job.kind() == Kind.JOIN ? "Joining the node at " : "Removing node ") + job.target()
                + ", started by " + job.startedBy() + " at " + ClusterView.TIME.format(job.startedAt())
                + (job.running() ? "" : ", ended at " + ClusterView.TIME.format(job.finishedAt())));
        steps.removeAll();
        int reached = job.kind().steps().indexOf(job.step());
        for (int i = 0; i < job.kind().steps().size(); i++) {
            Step step = job.kind().steps().get(i);
            Span shown = new Span(mark(job, i, reached) + " " + step.name().toLowerCase(Locale.ROOT));
            shown.setId("step-" + step.name().toLowerCase(Locale.ROOT));
            steps.add(shown);
        }
        outcome.setText(outcome(job));
        outcome.getStyle().set("color", job.outcome() == Outcome.FAILED ? "var(--lumo-error-text-color)"
                : job.outcome() == Outcome.SUCCEEDED ? "var(--lumo-success-text-color)" : "inherit");
    }

    /** Done, under way, failed here, or to come. */
    private static String mark(MembershipJob job, int step, int reached) {
        if (step < reached || job.outcome() == Outcome.SUCCEEDED) {
            return "✔";
        }
        if (step > reached) {
            return "○";
        }
        return job.outcome() == Outcome.FAILED ? "✘" : "▶";
    }

    private static String outcome(MembershipJob job) {
        return switch (job.outcome()) {
            case RUNNING -> job.step() == Step.COPY
                    ? "Copying every table from this node: this takes as long as the data takes to read, and goes on if you"
                    + " leave the page."
                    : "Under way; it goes on if you leave the page.";
            case SUCCEEDED -> job.message() + (job.kind() == Kind.JOIN ? ". Nothing to restart: its SIP engine hands calls"
                    + " to the other nodes as soon as its data is here, if it was started with this cluster's"
                    + " TANDEM_CLUSTER_SECRET (docs/operations.md, \"Join a node\")." : ".");
            case FAILED -> job.message() + (job.kind() == Kind.JOIN
                    ? ". What it had set up is undone on every node: fix the cause and try again."
                    : ". Fix the cause and remove it again: a removal goes on from where one stopped.");
        };
    }
}
