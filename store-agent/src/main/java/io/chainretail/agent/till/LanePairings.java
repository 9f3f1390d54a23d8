package io.chainretail.agent.till;

import io.chainretail.agent.AgentConfig;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.security.Secrets;
import io.chainretail.core.till.TillApi;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Which lanes' tills may sign cashiers in. The agent answers anything on the store's network, and a PIN is
 * only four digits: without pairing, any machine could sign in as a cashier at a lane it names. A manager
 * issues a one-time code for a lane (shown once, valid {@code agent.lane-pairing.code-validity}, gone after
 * {@value #MAX_CODE_FAILURES} wrong tries); the lane's till trades it for a key of its own
 * ({@code POST /api/till/pair}) and sends that key with every sign-in. Pairing again replaces the key (a
 * replaced machine); unpairing ends the lane's sessions. Only hashes are stored.
 */
@ApplicationScoped
public class LanePairings {

    /** A code just issued: shown to the manager once. */
    public record IssuedCode(String lane, String code, Instant expiresAt) {
    }

    /** A lane as the manager sees it: paired or not, and whether a code is waiting. */
    public record Lane(String lane, boolean paired, Instant pairedAt, String pairedBy, Instant codeExpiresAt) {
    }

    static final int MAX_CODE_FAILURES = 5;
    /** No 0/O or 1/I/L: the code is read off a screen and typed at the lane. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final Logger LOG = Logger.getLogger(LanePairings.class);

    private final EntityManager entities;
    private final InstantSource clock;
    private final TillSessions sessions;
    private final boolean required;
    private final java.time.Duration codeValidity;
    private final SecureRandom random = new SecureRandom();

    public LanePairings(EntityManager entities, InstantSource clock, TillSessions sessions, AgentConfig config) {
        this.entities = entities;
        this.clock = clock;
        this.sessions = sessions;
        this.required = config.lanePairingRequired();
        this.codeValidity = config.lanePairingCodeValidity();
    }

    void onStart(@Observes StartupEvent event) {
        if (!required) {
            LOG.warn("agent.lane-pairing.required=false: any machine that reaches this agent can sign a cashier"
                    + " in at any lane. Pair the lanes and remove the setting.");
        }
    }

    /** {@code lane} when it is a lane code; 400 LANE_INVALID otherwise. */
    public static String requireLane(String lane) {
        if (lane == null || !lane.matches(TillApi.LANE_PATTERN)) {
            throw Refusal.of(ErrorCode.LANE_INVALID, "lane", "A lane is 1-16 letters, digits, '-' or '_'.");
        }
        return lane;
    }

    /** Refuses a sign-in at {@code lane} unless {@code key} is that lane's (when pairing is required). */
    public void requirePaired(String lane, String key) {
        if (!required) {
            return;
        }
        String hash = key == null || key.isBlank() ? null : Secrets.sha256(key);
        boolean paired = hash != null && QuarkusTransaction.requiringNew().call(() -> entities
                .createNativeQuery("select key_hash from lane_pairing where lane = ?1").setParameter(1, lane)
                .getResultStream().anyMatch(stored -> Secrets.same((String) stored, hash)));
        if (!paired) {
            throw Refusal.of(ErrorCode.LANE_NOT_PAIRED, "Lane " + lane + " is not paired with the store server."
                    + " Ask the store manager for a pairing code (manager console, Lanes).");
        }
    }

    /** A new one-time code for {@code lane}, replacing any earlier one. */
    public IssuedCode issueCode(String lane, String manager) {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        Instant expiresAt = clock.instant().plus(codeValidity);
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("delete from lane_pairing_code where lane = ?1").setParameter(1, lane)
                    .executeUpdate();
            entities.createNativeQuery("insert into lane_pairing_code (lane, code_hash, expires_at, failures,"
                    + " issued_by) values (?1, ?2, ?3, 0, ?4)").setParameter(1, lane)
                    .setParameter(2, Secrets.sha256(code.toString()))
                    .setParameter(3, expiresAt.atOffset(ZoneOffset.UTC)).setParameter(4, manager).executeUpdate();
        });
        LOG.infof("Manager %s issued a pairing code for lane %s, valid until %s", manager, lane, expiresAt);
        return new IssuedCode(lane, code.toString(), expiresAt);
    }

    /**
     * Trades {@code code} for a new key of {@code lane}: the code is used up, any earlier key of the lane
     * stops working. 401 PAIRING_CODE_WRONG for a wrong, expired or used code.
     */
    public String pair(String lane, String code) {
        String key = Secrets.newToken();
        boolean paired = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entities.createNativeQuery("select code_hash, expires_at, failures, issued_by"
                    + " from lane_pairing_code where lane = ?1 for update").setParameter(1, lane).getResultList();
            if (rows.isEmpty()) {
                return false;
            }
            Object[] row = rows.get(0);
            boolean expired = !SqlTimes.instant(row[1]).isAfter(clock.instant());
            String typed = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
            if (expired || !Secrets.same((String) row[0], Secrets.sha256(typed))) {
                int failures = ((Number) row[2]).intValue() + 1;
                if (expired || failures >= MAX_CODE_FAILURES) {
                    entities.createNativeQuery("delete from lane_pairing_code where lane = ?1").setParameter(1, lane)
                            .executeUpdate();
                } else {
                    entities.createNativeQuery("update lane_pairing_code set failures = ?1 where lane = ?2")
                            .setParameter(1, failures).setParameter(2, lane).executeUpdate();
                }
                return false;
            }
            entities.createNativeQuery("delete from lane_pairing_code where lane = ?1").setParameter(1, lane)
                    .executeUpdate();
            entities.createNativeQuery("delete from lane_pairing where lane = ?1").setParameter(1, lane)
                    .executeUpdate();
            entities.createNativeQuery("insert into lane_pairing (lane, key_hash, paired_at, paired_by)"
                    + " values (?1, ?2, ?3, ?4)").setParameter(1, lane).setParameter(2, Secrets.sha256(key))
                    .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(4, row[3])
                    .executeUpdate();
            return true;
        });
        if (!paired) {
            LOG.warnf("A till tried to pair lane %s with a wrong, expired or used code", lane);
            throw Refusal.of(ErrorCode.PAIRING_CODE_WRONG, "That pairing code is wrong, expired or used. Ask the"
                    + " store manager for a new one.");
        }
        LOG.infof("Lane %s is paired", lane);
        return key;
    }

    /** Unpairs {@code lane}: its key stops working and its cashiers are signed out. */
    public void unpair(String lane) {
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("delete from lane_pairing where lane = ?1").setParameter(1, lane)
                    .executeUpdate();
            entities.createNativeQuery("delete from lane_pairing_code where lane = ?1").setParameter(1, lane)
                    .executeUpdate();
        });
        sessions.signOutLane(lane);
        LOG.infof("Lane %s is unpaired", lane);
    }

    /** Every lane paired or with a code waiting, by lane. */
    public List<Lane> lanes() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Lane> lanes = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> paired = entities.createNativeQuery("select lane, paired_at, paired_by from lane_pairing")
                    .getResultList();
            paired.forEach(row -> lanes.put((String) row[0],
                    new Lane((String) row[0], true, SqlTimes.instant(row[1]), (String) row[2], null)));
            @SuppressWarnings("unchecked")
            List<Object[]> codes = entities.createNativeQuery("select lane, expires_at from lane_pairing_code")
                    .getResultList();
            for (Object[] row : codes) {
                String name = (String) row[0];
                Lane lane = lanes.get(name);
                lanes.put(name, lane == null ? new Lane(name, false, null, null, SqlTimes.instant(row[1]))
                        : new Lane(name, true, lane.pairedAt(), lane.pairedBy(), SqlTimes.instant(row[1])));
            }
            return List.copyOf(lanes.values());
        });
    }
}
