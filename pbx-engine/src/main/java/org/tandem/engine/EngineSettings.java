package org.tandem.engine;

import org.tandem.domain.settings.NodeSettings;
import org.tandem.engine.accounts.CachedSipAccounts;
import org.tandem.engine.location.NodeBindings;
import org.tandem.engine.overload.LoadShedding;
import org.tandem.engine.sip.TcpLimits;
import org.tandem.engine.writebehind.BatchedCallRecords;
import org.tandem.engine.voicemail.VoicemailSettings;
import org.tandem.engine.writebehind.WriteBehind;
import org.tandem.files.FilesSettings;
import org.tandem.media.endpoint.MediaSettings;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What one engine node needs to start: its name, where it listens for SIP (UDP and TCP on the same
 * address and port), how its JAIN-SIP stack is tuned, how it holds load (caches, write-behind,
 * load shedding), the folder where what it writes behind waits for the database (none: in
 * memory only), its media engine's limits (RTP is received on the SIP address), the cluster's files
 * (none: no call is answered by voicemail) and how voicemail records.
 */
public record EngineSettings(String nodeName, String bindAddress, int port, StackTuning tuning, LoadTuning load,
                             Optional<Path> spoolDirectory, MediaSettings media, Optional<FilesSettings> files,
                             VoicemailSettings voicemail) {

    public static final String NODE_NAME_PROPERTY = "tandem.node.name";
    public static final String ADDRESS_PROPERTY = "tandem.sip.address";
    public static final String PORT_PROPERTY = "tandem.sip.port";
    /** The spool's folder (TANDEM_SPOOL_DIR); unset, the node's lifecycle puts it in the data folder. */
    public static final String SPOOL_DIRECTORY_PROPERTY = "tandem.spool.dir";

    public static final String DEFAULT_NODE_NAME = "node1";
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 5060;

    public EngineSettings {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(voicemail, "voicemail");
        if (nodeName.isBlank()) {
            throw new IllegalArgumentException("node name is blank");
        }
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("bind address is blank");
        }
        // UDP and TCP share the port, so an ephemeral port (0) would give them different ones.
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SIP port must be 1-65535, got " + port);
        }
    }

    /** Settings with the default load tuning, without a spool. */
    public EngineSettings(String nodeName, String bindAddress, int port, StackTuning tuning) {
        this(nodeName, bindAddress, port, tuning, LoadTuning.DEFAULT);
    }

    /** Settings without a spool, with the default media limits, without files (so without voicemail). */
    public EngineSettings(String nodeName, String bindAddress, int port, StackTuning tuning, LoadTuning load) {
        this(nodeName, bindAddress, port, tuning, load, Optional.empty(), MediaSettings.DEFAULT, Optional.empty(),
                VoicemailSettings.DEFAULT);
    }

    public EngineSettings withLoad(LoadTuning newLoad) {
        return new EngineSettings(nodeName, bindAddress, port, tuning, newLoad, spoolDirectory, media, files, voicemail);
    }

    public EngineSettings withSpoolDirectory(Path folder) {
        return new EngineSettings(nodeName, bindAddress, port, tuning, load, Optional.of(folder), media, files,
                voicemail);
    }

    public EngineSettings withMedia(MediaSettings newMedia) {
        return new EngineSettings(nodeName, bindAddress, port, tuning, load, spoolDirectory, newMedia, files, voicemail);
    }

    /** Settings whose calls may be answered by voicemail, which keeps its recordings in {@code store}. */
    public EngineSettings withFiles(FilesSettings store) {
        return new EngineSettings(nodeName, bindAddress, port, tuning, load, spoolDirectory, media, Optional.of(store),
                voicemail);
    }

    public EngineSettings withVoicemail(VoicemailSettings newVoicemail) {
        return new EngineSettings(nodeName, bindAddress, port, tuning, load, spoolDirectory, media, files, newVoicemail);
    }

    /** Settings from the JVM's system properties, defaulting to a local node on 127.0.0.1:5060. */
    public static EngineSettings fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    /**
     * Settings from the given properties, with the same names and defaults as {@link #fromSystemProperties()};
     * the files' folder is the lifecycle's to add ({@link #withFiles}), since its default is in the data folder.
     */
    public static EngineSettings fromProperties(Properties properties) {
        return new EngineSettings(
                properties.getProperty(NODE_NAME_PROPERTY, DEFAULT_NODE_NAME).strip(),
                properties.getProperty(ADDRESS_PROPERTY, DEFAULT_ADDRESS).strip(),
                NodeSettings.wholeNumber(properties, PORT_PROPERTY, DEFAULT_PORT),
                StackTuning.DEFAULT,
                LoadTuning.DEFAULT.withTcp(TcpLimits.fromProperties(properties)),
                Optional.ofNullable(properties.getProperty(SPOOL_DIRECTORY_PROPERTY))
                        .filter(folder -> !folder.isBlank()).map(folder -> Path.of(folder.strip())),
                MediaSettings.fromProperties(properties), Optional.empty(), VoicemailSettings.fromProperties(properties));
    }

    /**
     * The JAIN-SIP knobs that decide throughput (measured: docs/performance.md).
     *
     * @param threadPoolSize                threads that parse and deliver messages to the (reentrant) listener
     * @param maxServerTransactions         above this the stack refuses new server transactions at random
     * @param maxClientTransactions         same for client transactions
     * @param congestionControlTimeoutMillis a message queued longer than this is dropped instead of processed late
     * @param udpBufferBytes                the UDP socket's receive and send buffers (the kernel caps them
     *                                      at net.core.rmem_max and wmem_max)
     */
    public record StackTuning(int threadPoolSize, int maxServerTransactions, int maxClientTransactions,
                              int congestionControlTimeoutMillis, int udpBufferBytes) {

        /**
         * Far above rate x 32 s at the rates seen here; 4 threads suit 2 cores; a request queued 4 s
         * is stale. 1 MiB of socket buffer holds about 2,000 datagrams, a few hundred milliseconds of
         * traffic at full rate, across a GC pause or a moment without CPU (JAIN-SIP's default, 8 KiB,
         * holds twenty, and every datagram dropped there comes back as a retransmission).
         */
        public static final StackTuning DEFAULT = new StackTuning(4, 200_000, 200_000, 4_000, 1 << 20);

        public StackTuning {
            if (threadPoolSize < 1 || maxServerTransactions < 1 || maxClientTransactions < 1 || udpBufferBytes < 1) {
                throw new IllegalArgumentException("stack tuning values must be positive: " + this);
            }
            // 0 would mean "never drop", letting the inbound queue grow until the heap is gone.
            if (congestionControlTimeoutMillis < 1) {
                throw new IllegalArgumentException("congestion control timeout must be finite and positive");
            }
        }
    }

    /**
     * How the engine holds load: its working copy of this node's bindings, its cache of SIP accounts,
     * the write-behind of call records, when it refuses new work, and what SIP over TCP may hold.
     */
    public record LoadTuning(NodeBindings.Settings bindings, CachedSipAccounts.Settings accounts,
                             WriteBehind.Settings callRecords, LoadShedding.Settings shedding, TcpLimits tcp) {

        public static final LoadTuning DEFAULT = new LoadTuning(NodeBindings.Settings.DEFAULT,
                CachedSipAccounts.Settings.DEFAULT, BatchedCallRecords.DEFAULT, LoadShedding.Settings.DEFAULT,
                TcpLimits.DEFAULT);

        public LoadTuning {
            Objects.requireNonNull(bindings, "bindings");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(callRecords, "call records");
            Objects.requireNonNull(shedding, "shedding");
            Objects.requireNonNull(tcp, "tcp");
        }

        public LoadTuning withBindings(NodeBindings.Settings settings) {
            return new LoadTuning(settings, accounts, callRecords, shedding, tcp);
        }

        public LoadTuning withAccounts(CachedSipAccounts.Settings settings) {
            return new LoadTuning(bindings, settings, callRecords, shedding, tcp);
        }

        public LoadTuning withCallRecords(WriteBehind.Settings settings) {
            return new LoadTuning(bindings, accounts, settings, shedding, tcp);
        }

        public LoadTuning withShedding(LoadShedding.Settings settings) {
            return new LoadTuning(bindings, accounts, callRecords, settings, tcp);
        }

        public LoadTuning withTcp(TcpLimits limits) {
            return new LoadTuning(bindings, accounts, callRecords, shedding, limits);
        }
    }
}
