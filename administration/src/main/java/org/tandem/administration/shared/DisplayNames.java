package org.tandem.administration.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tandem.domain.extension.Extension;
import org.tandem.domain.extension.ExtensionRepository;
import org.tandem.domain.node.Node;
import org.tandem.domain.node.NodeRepository;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The names a listing shows beside what its rows hold only by number or id (a call's parties, the
 * node a phone registered on), read once for the whole listing rather than once a row, in the
 * caller's transaction.
 */
@ApplicationScoped
public class DisplayNames {

    @Inject
    private ExtensionRepository extensions;
    @Inject
    private NodeRepository nodes;

    /** Each of the tenant's extensions' display names, by the digits of its number. */
    public Map<String, String> ofExtensions(UUID tenantId) {
        return extensions.ofTenant(tenantId).stream()
                .collect(Collectors.toMap(extension -> extension.number().digits(), Extension::displayName));
    }

    /** The names of the cluster's nodes, by id. */
    public Map<UUID, String> ofNodes() {
        return ofNodes(nodes.all());
    }

    /** The names of {@code nodes} (as a whole cluster's, {@link NodeRepository#all()}), by id. */
    public static Map<UUID, String> ofNodes(List<Node> nodes) {
        return nodes.stream().collect(Collectors.toMap(Node::id, Node::name));
    }
}
