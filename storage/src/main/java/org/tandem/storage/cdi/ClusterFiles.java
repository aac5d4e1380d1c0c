package org.tandem.storage.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.tandem.files.FilesException;
import org.tandem.files.FilesSettings;
import org.tandem.files.SharedFiles;
import org.tandem.storage.lifecycle.StorageSettings;

import java.io.UncheckedIOException;

/**
 * Hands the cluster's files to the rest of the EAR: one store per node, opened (and cleared of what this
 * node left half-written) the first time something needs it, under the {@code tandem.files.*} settings
 * and in the node's data folder by default.
 */
@ApplicationScoped
public class ClusterFiles {

    /** A singleton rather than application-scoped: SharedFiles is final, so it cannot be proxied. */
    @Produces
    @Singleton
    SharedFiles sharedFiles() {
        FilesSettings settings = FilesSettings.from(System.getProperties(),
                StorageSettings.from(System.getProperties()).dataDirectory());
        try {
            return SharedFiles.open(settings);
        } catch (FilesException e) {
            throw new UncheckedIOException(e);
        }
    }
}
