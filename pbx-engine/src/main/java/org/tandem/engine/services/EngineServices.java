package org.tandem.engine.services;

import org.tandem.domain.call.ActiveCalls;
import org.tandem.domain.call.CallRecords;
import org.tandem.domain.extension.SipAccountChanges;
import org.tandem.domain.extension.SipAccounts;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.domain.registration.BindingChange;
import org.tandem.domain.registration.Registration;
import org.tandem.domain.registration.RegistrationRepository;
import org.tandem.domain.ringgroup.RingGroups;
import org.tandem.engine.cluster.ClusterPeers;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the engine works with beyond its sockets: the SIP accounts it authenticates and the news of
 * their changes, where it keeps bindings, which node it is (the owner of the bindings it takes), the
 * clock its rules run on and the registrar's policy, where call records go, the call policy, the
 * ring groups calls may dial, the cluster's other nodes, where the calls up now are published and the voicemail data
 * calls and the message-waiting lamps read, put together with a
 * {@link Builder}. Inside WildFly these are JDBC repositories on the node's datasource
 * ({@code lifecycle.EngineLifecycle}); tests pass their own. The engine puts its caches and
 * write-behind in front of them when it starts ({@link SipEngine}).
 */
public record EngineServices(SipAccounts accounts, SipAccountChanges accountChanges,
                             RegistrationRepository registrations, UUID nodeId, InstantSource clock,
                             RegistrarPolicy registrar, CallRecords callRecords, CallPolicy calls,
                             RingGroups ringGroups, ClusterPeers peers, ActiveCalls activeCalls,
                             VoicemailData voicemail) {

    public EngineServices {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(accountChanges, "account changes");
        Objects.requireNonNull(registrations, "registrations");
        Objects.requireNonNull(nodeId, "node id");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registrar, "registrar policy");
        Objects.requireNonNull(callRecords, "call records");
        Objects.requireNonNull(calls, "call policy");
        Objects.requireNonNull(ringGroups, "ring groups");
        Objects.requireNonNull(peers, "cluster peers");
        Objects.requireNonNull(activeCalls, "active calls");
        Objects.requireNonNull(voicemail, "voicemail");
    }

    /**
     * Services whose accounts never change while running, that keep no call records, publish no
     * calls and have no voicemail, on the system clock with the default policies and no cluster; the builder's setters
     * replace any of these.
     */
    public static Builder builder(SipAccounts accounts, RegistrationRepository registrations, UUID nodeId) {
        return new Builder(new EngineServices(accounts, SipAccountChanges.NONE, registrations, nodeId,
                InstantSource.system(), RegistrarPolicy.DEFAULT, CallRecords.NONE, CallPolicy.DEFAULT, RingGroups.NONE,
                ClusterPeers.ALONE, ActiveCalls.NONE, VoicemailData.NONE));
    }

    /**
     * An engine that serves no SIP domain: it answers OPTIONS, challenges every REGISTER and accepts
     * none, since no account exists. For tests of the SIP layer that need no database.
     */
    public static EngineServices withoutAccounts() {
        return builder((domain, username) -> Optional.empty(), new NoBindings(), UUID.randomUUID()).build();
    }

    /** These services, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Services put together one by one; {@link #build} checks that none is missing. */
    public static final class Builder {

        private SipAccounts accounts;
        private SipAccountChanges accountChanges;
        private RegistrationRepository registrations;
        private final UUID nodeId;
        private InstantSource clock;
        private RegistrarPolicy registrar;
        private CallRecords callRecords;
        private CallPolicy calls;
        private RingGroups ringGroups;
        private ClusterPeers peers;
        private ActiveCalls activeCalls;
        private VoicemailData voicemail;

        private Builder(EngineServices from) {
            accounts = from.accounts;
            accountChanges = from.accountChanges;
            registrations = from.registrations;
            nodeId = from.nodeId;
            clock = from.clock;
            registrar = from.registrar;
            callRecords = from.callRecords;
            calls = from.calls;
            ringGroups = from.ringGroups;
            peers = from.peers;
            activeCalls = from.activeCalls;
            voicemail = from.voicemail;
        }

        public Builder accounts(SipAccounts value) {
            accounts = value;
            return this;
        }

        public Builder accountChanges(SipAccountChanges value) {
            accountChanges = value;
            return this;
        }

        public Builder registrations(RegistrationRepository value) {
            registrations = value;
            return this;
        }

        public Builder clock(InstantSource value) {
            clock = value;
            return this;
        }

        public Builder registrar(RegistrarPolicy value) {
            registrar = value;
            return this;
        }

        public Builder callRecords(CallRecords value) {
            callRecords = value;
            return this;
        }

        public Builder calls(CallPolicy value) {
            calls = value;
            return this;
        }

        public Builder ringGroups(RingGroups value) {
            ringGroups = value;
            return this;
        }

        public Builder peers(ClusterPeers value) {
            peers = value;
            return this;
        }

        public Builder activeCalls(ActiveCalls value) {
            activeCalls = value;
            return this;
        }

        public Builder voicemail(VoicemailData value) {
            voicemail = value;
            return this;
        }

        public EngineServices build() {
            return new EngineServices(accounts, accountChanges, registrations, nodeId, clock, registrar, callRecords,
                    calls, ringGroups, peers, activeCalls, voicemail);
        }
    }

    /** Holds nothing; with no accounts nobody is ever authenticated, so nothing is ever saved. */
    private static final class NoBindings implements RegistrationRepository {

        @Override
        public void apply(List<BindingChange> changes) {
            if (!changes.isEmpty()) {
                throw new UnsupportedOperationException("this engine serves no SIP domain");
            }
        }

        @Override
        public int removeAll(UUID nodeId, AddressOfRecord aor) {
            return 0;
        }

        @Override
        public List<Registration> active(UUID nodeId, AddressOfRecord aor, Instant now) {
            return List.of();
        }

        @Override
        public List<Registration> activeAnywhere(AddressOfRecord aor, Instant now) {
            return List.of();
        }

        @Override
        public List<Registration> allActive(UUID nodeId, Instant now) {
            return List.of();
        }

        @Override
        public int deleteExpired(UUID nodeId, Instant now, int limit) {
            return 0;
        }

        @Override
        public long countActive(UUID nodeId, Instant now) {
            return 0;
        }
    }
}
