package org.tandem.portal.operator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.portal.shared.FormMessages;
import org.tandem.portal.shared.Forms;

import java.util.function.Consumer;

/**
 * Asks for the new node's database address and starts the join; a refused address stays in the
 * field with the reason under it.
 */
final class AddNodeDialog extends Dialog {

    /** The form field the service names in its refusals. */
    static final String ADDRESS = "address";

    AddNodeDialog(String thisNode, String lastAddress, Consumer<String> startJoin) {
        setId("add-node-dialog");
        setHeaderTitle("Add a node to the cluster");
        TextField address = new TextField("New node's database");
        address.setId("new-node-address");
        address.setPlaceholder("10.1.0.14:15432/tandem");
        address.setHelperText("host:port/name, as ./tandem join takes it");
        address.setWidthFull();
        address.setValue(lastAddress);
        FormMessages messages = new FormMessages().field(ADDRESS, address);
        add(new Paragraph("Start the new node first, empty: its own TANDEM_NODE_NAME and addresses, TANDEM_DEMO=false,"
                        + " and this cluster's TANDEM_DB_USER/TANDEM_DB_PASSWORD, TANDEM_REPLICATION_PASSWORD and"
                        + " TANDEM_CLUSTER_SECRET (docs/operations.md, \"Join a node\"). Every member must be up."),
                new Paragraph("It copies every table from " + thisNode + ", then every node replicates with it. The copy"
                        + " runs on " + thisNode + " in the background: you may leave the page."),
                address, messages.general());
        Button join = Forms.primaryButton("Join", "start-join", () -> {
            messages.clear();
            try {
                startJoin.accept(address.getValue());
                close();
            } catch (InvalidInputException refused) {
                messages.show(refused);
            }
        });
        getFooter().add(new Button("Cancel", click -> close()), join);
    }
}
