package io.chainretail.hq.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.chainretail.hq.identity.Identities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Writes audit entries, each in its own transaction (a refused change and a failed sign-in are audited
 * too), and reads them.
 */
@ApplicationScoped
public class AuditLog {

    void onSignIn(@Observes Identities.SignInAttempt attempt) {
        record(attempt.username(), null, null, "SIGNIN", attempt.outcome(), "ok".equals(attempt.outcome()) ? 200
                : 401);
    }

    /**
     * Records an action. A request refused before it reached a worker thread (403 from a role check) ends
     * on the I/O thread, where the database must not be used: its entry is written on a worker an instant
     * later.
     */
    public void record(String username, String role, String store, String action, String target, int status) {
        Runnable write = () -> write(username, role, store, action, target, status);
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool().execute(write);
        } else {
            write.run();
        }
    }

    private void write(String username, String role, String store, String action, String target, int status) {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry entry = new AuditEntry();
            entry.at = Instant.now();
            entry.username = username;
            entry.role = role;
            entry.storeCode = store;
            entry.action = action;
            entry.target = target.length() > 500 ? target.substring(0, 500) : target;
            entry.status = status;
            entry.persist();
        });
    }

    /** Newest first, at most {@code limit}; only {@code username}'s when given. */
    @Transactional
    public List<AuditEntry> recent(String username, int limit) {
        return (username == null ? AuditEntry.<AuditEntry>find("order by id desc")
                : AuditEntry.<AuditEntry>find("username = ?1 order by id desc", username)).page(0, limit).list();
    }
}
