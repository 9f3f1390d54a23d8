package io.chainretail.hq.identity;

import io.chainretail.core.concurrent.DaemonThreads;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.StaffList;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.HqLink;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends a store its till staff ({@link StaffList}: cashiers and managers of that store with a till id and
 * PIN) on the store's own {@code sync/reply} topic, after a change to them commits and whenever the store
 * asks (it does on every connection, with feed {@code staff}). Each store gets only its own people.
 */
@ApplicationScoped
public class StaffPublisher {

    /** The pseudo-feed name a store asks for in a sync request. */
    public static final String FEED = "staff";

    private static final Logger LOG = Logger.getLogger(StaffPublisher.class);

    private final HqLink link;
    private final HqConfig config;
    private final SyncCodec codec = new SyncCodec();
    private final ExecutorService sending = Executors.newSingleThreadExecutor(DaemonThreads.named("staff-lists"));

    public StaffPublisher(HqLink link, HqConfig config) {
        this.link = link;
        this.config = config;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Identities.StaffChanged changed) {
        changed.stores().forEach(this::send);
    }

    /** Sends store {@code store} its staff list, off the caller's thread. */
    public void send(String store) {
        sending.execute(() -> {
            try {
                StaffList list = QuarkusTransaction.requiringNew().call(() -> list(store));
                byte[] message = codec.encode(new Envelope<>(MessageSchema.STAFF, EventIds.next(), config.chain(),
                        store, null, null, Instant.now(), list));
                link.publish(link.topics().syncReply(store), message);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not send store %s its staff; it asks again when it reconnects", store);
            }
        });
    }

    private static StaffList list(String store) {
        List<UserAccount> users = UserAccount.list("storeCode = ?1 and tillId is not null order by tillId", store);
        return new StaffList(store, System.currentTimeMillis(), users.stream().map(user -> new StaffList.Member(
                user.tillId, user.username, user.displayName, Role.STORE_MANAGER.id().equals(user.role) ? "manager"
                        : "cashier", user.pinHash, user.active)).toList());
    }
}
