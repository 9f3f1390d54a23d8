package io.chainretail.agent.staff;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.sync.payload.StaffList;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The store's till staff from HQ: kept in the database (so the tills work after a restart with HQ away)
 * and in memory (a sign-in reads no table). A list replaces the one before it whole, if it is newer.
 */
@ApplicationScoped
public class StaffRoster {

    private static final Logger LOG = Logger.getLogger(StaffRoster.class);

    private final String store;
    private volatile Map<String, StaffList.Member> byTillId = Map.of();
    private volatile long version;

    public StaffRoster(AgentConfig config) {
        this.store = config.store();
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffRosterVersion held = StaffRosterVersion.findById(1);
            version = held == null ? 0 : held.version;
            byTillId = StaffMember.<StaffMember>listAll().stream().map(StaffRoster::member)
                    .collect(Collectors.toUnmodifiableMap(StaffList.Member::tillId, Function.identity()));
        });
    }

    /** The person HQ gave this till id, if any. */
    public Optional<StaffList.Member> find(String tillId) {
        return Optional.ofNullable(tillId == null ? null : byTillId.get(tillId));
    }

    public long version() {
        return version;
    }

    /** Takes HQ's list if it is for this store and newer than the one held; true when taken. */
    public synchronized boolean accept(StaffList list) {
        if (!store.equals(list.store()) || list.version() <= version) {
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            StaffMember.deleteAll();
            for (StaffList.Member member : list.staff()) {
                StaffMember row = new StaffMember();
                row.tillId = member.tillId();
                row.username = member.username();
                row.displayName = member.displayName();
                row.role = member.role();
                row.pinHash = member.pinHash();
                row.active = member.active();
                row.persist();
            }
            StaffRosterVersion held = StaffRosterVersion.findById(1);
            if (held == null) {
                held = new StaffRosterVersion();
                held.id = 1;
                held.version = list.version();
                held.persist();
            } else {
                held.version = list.version();
            }
        });
        byTillId = list.staff().stream().collect(Collectors.toUnmodifiableMap(StaffList.Member::tillId,
                Function.identity()));
        version = list.version();
        LOG.infof("Till staff from HQ: %d people (list %d)", list.staff().size(), list.version());
        return true;
    }

    private static StaffList.Member member(StaffMember row) {
        return new StaffList.Member(row.tillId, row.username, row.displayName, row.role, row.pinHash, row.active);
    }
}
