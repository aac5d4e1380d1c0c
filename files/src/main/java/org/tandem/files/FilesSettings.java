package org.tandem.files;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a node keeps the cluster's files, read from system properties (the launcher maps the TANDEM_*
 * environment variables onto them; docs/operations.md, "Files"):
 * <ul>
 * <li>{@code tandem.files.dir}: the folder, the volume's FUSE mount on a node of a cluster; default
 *     {@code files} in the node's data folder;</li>
 * <li>{@code tandem.files.staging.dir}: the local folder a file is written in before it is copied into the
 *     folder above; default {@code files-staging} in the node's data folder; never inside the files' folder;</li>
 * <li>{@code tandem.files.fs.type}: the filesystem the folder must be on, as /proc/mounts names it
 *     ({@code fuse.glusterfs}): set, the node refuses to write while the volume is not mounted there
 *     instead of filling the empty mount point on its own disk; unset, any;</li>
 * <li>{@code tandem.node.name}: names this node's own temporaries inside the folder.</li>
 * </ul>
 */
public record FilesSettings(Path directory, Path stagingDirectory, Optional<String> filesystemType, String nodeName) {

    public static final String DIRECTORY_PROPERTY = "tandem.files.dir";
    public static final String STAGING_DIRECTORY_PROPERTY = "tandem.files.staging.dir";
    public static final String FILESYSTEM_TYPE_PROPERTY = "tandem.files.fs.type";

    public FilesSettings {
        directory = directory.toAbsolutePath().normalize();
        stagingDirectory = stagingDirectory.toAbsolutePath().normalize();
        if (stagingDirectory.startsWith(directory)) {
            throw new IllegalArgumentException(STAGING_DIRECTORY_PROPERTY + " (" + stagingDirectory
                    + ") must be outside " + DIRECTORY_PROPERTY + " (" + directory
                    + "): files are written on the local disk, then moved into the shared folder");
        }
        if (!FilePath.isVisibleName(nodeName)) {
            throw new IllegalArgumentException("tandem.node.name cannot name a folder: '" + nodeName + "'");
        }
    }

    /** The settings in {@code properties}; {@code dataDirectory} is the node's data folder (tandem.data.dir). */
    public static FilesSettings from(Properties properties, Path dataDirectory) {
        return new FilesSettings(
                Path.of(setting(properties, DIRECTORY_PROPERTY).orElse(dataDirectory.resolve("files").toString())),
                Path.of(setting(properties, STAGING_DIRECTORY_PROPERTY)
                        .orElse(dataDirectory.resolve("files-staging").toString())),
                setting(properties, FILESYSTEM_TYPE_PROPERTY),
                setting(properties, "tandem.node.name").orElse("node1"));
    }

    private static Optional<String> setting(Properties properties, String name) {
        return Optional.ofNullable(properties.getProperty(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
