package io.chainretail.agent.till;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Keeps till sessions in the store's database, by the SHA-256 of their token, so that a restart of the
 * agent signs no cashier out. Each call is a transaction of its own; sign-in and sign-out write at once,
 * while the time a session was last used is written in rounds ({@link #touch}), never on a scan.
 */
@ApplicationScoped
class SessionStore {

    /** A session as kept: its token's hash, never the token. */
    record Kept(String tokenHash, String cashier, String role, String lane, Instant lastUsedAt) {
    }

    private final EntityManager entities;

    SessionStore(EntityManager entities) {
        this.entities = entities;
    }

    /** Every session used since {@code since}; older ones are deleted. */
    List<Kept> live(Instant since) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entities.createNativeQuery("delete from till_session where last_used_at < ?1")
                    .setParameter(1, since.atOffset(ZoneOffset.UTC)).executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery("select token_hash, cashier, role, lane, last_used_at"
                    + " from till_session").getResultList();
            return rows.stream().map(row -> new Kept((String) row[0], (String) row[1], (String) row[2],
                    (String) row[3], SqlTimes.instant(row[4]))).toList();
        });
    }

    void add(Kept session) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("insert into till_session"
                + " (token_hash, cashier, role, lane, last_used_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, session.tokenHash()).setParameter(2, session.cashier())
                .setParameter(3, session.role()).setParameter(4, session.lane())
                .setParameter(5, session.lastUsedAt().atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    void remove(String tokenHash) {
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery(
                "delete from till_session where token_hash = ?1").setParameter(1, tokenHash).executeUpdate());
    }

    /**
     * Writes when each of these sessions was last used, and deletes the sessions unused since
     * {@code expiredBefore}, in one transaction.
     */
    void touch(Map<String, Instant> lastUsed, Instant expiredBefore) {
        QuarkusTransaction.requiringNew().run(() -> {
            lastUsed.forEach((hash, at) -> entities.createNativeQuery(
                    "update till_session set last_used_at = ?1 where token_hash = ?2")
                    .setParameter(1, at.atOffset(ZoneOffset.UTC)).setParameter(2, hash).executeUpdate());
            entities.createNativeQuery("delete from till_session where last_used_at < ?1")
                    .setParameter(1, expiredBefore.atOffset(ZoneOffset.UTC)).executeUpdate();
        });
    }
}
