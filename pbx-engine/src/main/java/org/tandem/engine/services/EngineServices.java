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
 * ring groups calls may dial, the cluster's other nodes and where the calls up now are published. Inside WildFly these are JDBC repositories on the node's datasource
 * ({@code lifecycle.EngineLifecycle}); tests pass their own. The engine puts its caches and
 * write-behind in front of them when it starts ({@link SipEngine}).
 */
public record EngineServices(SipAccounts accounts, SipAccountChanges accountChanges,
                             RegistrationRepository registrations, UUID nodeId, InstantSource clock,
                             RegistrarPolicy registrar, CallRecords callRecords, CallPolicy calls,
                             RingGroups ringGroups, ClusterPeers peers, ActiveCalls activeCalls) {

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
    }

    /** Services whose accounts never change while running, that keep no call records and use the default call policy. */
    public EngineServices(SipAccounts accounts, RegistrationRepository registrations, UUID nodeId,
                          InstantSource clock, RegistrarPolicy registrar) {
        this(accounts, SipAccountChanges.NONE, registrations, nodeId, clock, registrar, CallRecords.NONE,
                CallPolicy.DEFAULT, RingGroups.NONE, ClusterPeers.ALONE, ActiveCalls.NONE);
    }

    /** A node's services with the system clock and the default registrar policy. */
    public static EngineServices of(SipAccounts accounts, RegistrationRepository registrations, UUID nodeId) {
        return new EngineServices(accounts, registrations, nodeId, InstantSource.system(), RegistrarPolicy.DEFAULT);
    }

    /**
     * An engine that serves no SIP domain: it answers OPTIONS, challenges every REGISTER and accepts
     * none, since no account exists. For tests of the SIP layer that need no database.
     */
    public static EngineServices withoutAccounts() {
        return of((domain, username) -> Optional.empty(), new NoBindings(), UUID.randomUUID());
    }

    public EngineServices withAccounts(SipAccounts newAccounts) {
        return new EngineServices(newAccounts, accountChanges, registrations, nodeId, clock, registrar, callRecords,
                calls, ringGroups, peers, activeCalls);
    }

    public EngineServices withAccountChanges(SipAccountChanges changes) {
        return new EngineServices(accounts, changes, registrations, nodeId, clock, registrar, callRecords, calls,
                ringGroups, peers, activeCalls);
    }

    public EngineServices withRegistrations(RegistrationRepository newRegistrations) {
        return new EngineServices(accounts, accountChanges, newRegistrations, nodeId, clock, registrar, callRecords,
                calls, ringGroups, peers, activeCalls);
    }

    public EngineServices withClock(InstantSource newClock) {
        return new EngineServices(accounts, accountChanges, registrations, nodeId, newClock, registrar, callRecords,
                calls, ringGroups, peers, activeCalls);
    }

    public EngineServices withRegistrar(RegistrarPolicy policy) {
        return new EngineServices(accounts, accountChanges, registrations, nodeId, clock, policy, callRecords, calls,
                ringGroups, peers, activeCalls);
    }

    public EngineServices withCallRecords(CallRecords records) {
        return new EngineServices(accounts, accountChanges, registrations, nodeId, clock, registrar, records, calls,
                ringGroups, peers, activeCalls);
    }

    public EngineServices withCalls(CallPolicy policy) {
        return new EngineServices(accounts, accountChanges, registrations, nodeId, clock, registrar, callRecords,
                policy, ringGroups, peers, activeCalls);
    }

    public EngineServices withRingGroups(RingGroups groups) {
        return new EngineServices(accounts, accountChanges, registrations, nodeId, clock, registrar, callRecords,
                calls, groups, peers, activeCalls);
    }

    public EngineServices withPeers(ClusterPeers newPeers) {
        return new EngineServices(accounts, accountChanges, registrations, nodeId, clock, registrar, callRecords,
                calls, ringGroups, newPeers, activeCalls);
    }

    public EngineServices withActiveCalls(ActiveCalls published) {
        return new EngineServices(accounts, accountChanges, registrations, nodeId, clock, registrar, callRecords,
                calls, ringGroups, peers, published);
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
