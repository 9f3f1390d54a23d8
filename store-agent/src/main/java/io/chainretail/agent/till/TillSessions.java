package io.chainretail.agent.till;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.staff.StaffRoster;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.security.PasswordHasher;
import io.chainretail.core.security.Secrets;
import io.chainretail.core.sync.payload.StaffList;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import io.chainretail.core.concurrent.PeriodicTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Till sign-in by cashier id and PIN, and the session tokens the tills then send. A 4-digit PIN is
 * guessed quickly, so an id is locked for {@code agent.pin-lockout} after {@code agent.max-pin-failures}
 * wrong PINs in a row, counted at sign-in and at manager approvals alike. The users are the store's till
 * staff HQ sent ({@link StaffRoster}: PBKDF2 PIN hashes; an id HQ sent as inactive cannot sign in), and for
 * ids HQ has not sent, the list in {@code agent.cashiers} (the demo's, or a store's before HQ manages it).
 *
 * <p>Sessions are kept in the store's database ({@link SessionStore}) and read back at start, so a
 * restart of the agent, even a crash, signs no cashier out: the till goes on with its token and its
 * open basket. Requests find sessions in memory only (a scan never touches the database for its
 * session); when each was last used is written every {@value #TOUCH_SECONDS} seconds.
 */
@ApplicationScoped
public class TillSessions {

    /** A signed-in cashier at one lane. */
    public record Session(String token, String cashier, String role, String lane, long lastUsedMillis) {
    }

    /** A till user: a plain PIN from {@code agent.cashiers}, or a PIN hash from HQ. */
    private record User(String id, String pin, String pinHash, String role) {

        boolean pinMatches(String typed) {
            return typed != null && (pinHash != null ? PasswordHasher.matches(typed, pinHash)
                    : MessageDigest.isEqual(pin.getBytes(StandardCharsets.UTF_8),
                            typed.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Wrong PINs in a row for one id, and until when it is locked. */
    private record Failures(int count, long lockedUntilMillis) {
    }

    /**
     * The lane of manager console sessions: not a lane code a till can have ({@code @} is not allowed in
     * one), so such a session is never taken for a till's.
     */
    public static final String CONSOLE = "@console";
    /** The role that may approve returns without receipt, voids and no-sales. */
    public static final String MANAGER = "manager";
    private static final int TOUCH_SECONDS = 30;
    /** Lanes whose wrong PINs are remembered at once; lane codes come from the tills, so a bound. */
    private static final int MAX_LANES_TRACKED = 1_000;

    private final Map<String, User> users = new HashMap<>();
    private final StaffRoster roster;
    private final SessionStore store;
    private final InstantSource clock;
    /** Live sessions by their token's SHA-256. */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Sessions used since their last-used time was last written. */
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    private PeriodicTask toucher;
    /** Wrong PINs in a row per id and lane ({@code id@lane}). */
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** Wrong PINs in a row per lane, whatever the ids. */
    private final Map<String, Failures> laneFailures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long lockoutMillis;
    private final SecureRandom random = new SecureRandom();
    private final long timeoutMillis;

    public TillSessions(AgentConfig config, StaffRoster roster, SessionStore store, InstantSource clock) {
        this.roster = roster;
        this.store = store;
        this.clock = clock;
        for (String entry : config.cashiers().orElse(List.of())) {
            String[] parts = entry.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("agent.cashiers entry '" + entry + "' must be id:pin:role");
            }
            users.put(parts[0], new User(parts[0], parts[1], null, parts[2]));
        }
        this.timeoutMillis = config.sessionTimeout().toMillis();
        this.maxFailures = config.maxPinFailures();
        this.lockoutMillis = config.pinLockout().toMillis();
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        Instant now = clock.instant();
        for (SessionStore.Kept kept : store.live(now.minusMillis(timeoutMillis))) {
            sessions.put(kept.tokenHash(), new Session(null, kept.cashier(), kept.role(), kept.lane(),
                    kept.lastUsedAt().toEpochMilli()));
        }
        toucher = PeriodicTask.start("till-sessions", Duration.ofSeconds(TOUCH_SECONDS), this::writeTouched);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (toucher != null) {
            toucher.close();
        }
        writeTouched();
    }

    private void writeTouched() {
        Map<String, Instant> batch = new HashMap<>();
        for (String hash : List.copyOf(touched.keySet())) {
            Instant at = touched.remove(hash);
            if (at != null) {
                batch.put(hash, at);
            }
        }
        try {
            store.touch(batch, clock.instant().minusMillis(timeoutMillis));
        } catch (RuntimeException e) {
            batch.forEach(touched::putIfAbsent); // written in the next round
            throw e;
        }
    }

    /** A new session, or empty when the id or PIN is wrong (the caller does not learn which). */
    public Optional<Session> signIn(String cashier, String pin, String lane) {
        User user = check(cashier, pin, lane);
        if (user == null) {
            return Optional.empty();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        Instant now = clock.instant();
        Session session = new Session(HexFormat.of().formatHex(bytes), user.id, user.role, lane, now.toEpochMilli());
        String hash = hash(session.token());
        store.add(new SessionStore.Kept(hash, user.id, user.role, lane, now));
        sessions.put(hash, session);
        return Optional.of(session);
    }

    /** The live session of a token; touching it keeps it alive. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String hash = hash(token);
        Session session = sessions.get(hash);
        Instant now = clock.instant();
        if (session == null || now.toEpochMilli() - session.lastUsedMillis() > timeoutMillis) {
            // Forgotten here; its row goes in the next round (a scan never writes to the database).
            sessions.remove(hash);
            touched.remove(hash);
            return Optional.empty();
        }
        Session used = new Session(token, session.cashier(), session.role(), session.lane(), now.toEpochMilli());
        sessions.put(hash, used);
        touched.put(hash, now);
        return Optional.of(used);
    }

    /**
     * A manager's approval at the till: the manager keys their id and PIN on the cashier's session at
     * {@code lane}.
     *
     * @return the approving manager's id
     * @throws Refusal when the PIN is wrong or the user is not a manager; the action must not happen
     */
    public String approve(String approver, String pin, String action, String lane) {
        User user = check(approver, pin, lane);
        if (user == null || !MANAGER.equals(user.role)) {
            throw Refusal.of(ErrorCode.MANAGER_APPROVAL_REQUIRED, action + " needs a manager's id and PIN.");
        }
        return user.id;
    }

    /**
     * The user whose id and PIN these are, or null. Wrong PINs are counted per id and lane, and per lane: an
     * id is locked at a lane after {@code agent.max-pin-failures} wrong PINs in a row there (so a cashier
     * typing wrong approval PINs locks the manager at their own lane only, not at every till and the
     * console), and a lane after twice as many for any ids (so guessing across ids is slowed too). A
     * locked id or lane is refused (401 PIN_LOCKED) even with the right PIN.
     */
    private User check(String id, String pin, String lane) {
        long now = clock.millis();
        refuseIfLocked(laneFailures.get(lane), now, "at lane " + lane);
        String key = id + "@" + lane;
        refuseIfLocked(id == null ? null : failures.get(key), now, "for " + id);
        Optional<StaffList.Member> fromHq = roster.find(id);
        User user = fromHq.isPresent() ? fromHq.filter(StaffList.Member::active)
                .map(m -> new User(m.tillId(), null, m.pinHash(), m.role())).orElse(null)
                : id == null ? null : users.get(id);
        if (user == null || !user.pinMatches(pin)) {
            if (fromHq.isPresent() || users.containsKey(id)) { // known ids only: strangers cannot grow the map
                countFailure(failures, key, maxFailures, now);
            }
            if (laneFailures.size() > MAX_LANES_TRACKED) {
                laneFailures.values().removeIf(f -> f.lockedUntilMillis() <= now);
            }
            countFailure(laneFailures, lane, 2 * maxFailures, now);
            return null;
        }
        failures.remove(key);
        return user;
    }

    private void countFailure(Map<String, Failures> counts, String key, int limit, long now) {
        counts.compute(key, (k, before) -> {
            int count = (before == null || before.lockedUntilMillis() > 0 ? 0 : before.count()) + 1;
            return count >= limit ? new Failures(0, now + lockoutMillis) : new Failures(count, 0);
        });
    }

    private static void refuseIfLocked(Failures failed, long now, String where) {
        if (failed != null && failed.lockedUntilMillis() > now) {
            throw Refusal.of(ErrorCode.PIN_LOCKED, "Too many wrong PINs " + where + ": locked for "
                    + Math.max(1, (failed.lockedUntilMillis() - now + 59_999) / 60_000) + " more minute(s).");
        }
    }

    /**
     * The live till session of a token: 401 for the till to sign in again, 403 NOT_A_TILL for a manager
     * console's session (signed in from any machine, it must not ring up sales past lane pairing).
     */
    public Session require(String token) {
        Session session = find(token).orElseThrow(() -> Refusal.of(ErrorCode.NOT_SIGNED_IN,
                "Sign in at the till first."));
        if (CONSOLE.equals(session.lane())) {
            throw Refusal.of(ErrorCode.NOT_A_TILL, "A manager console session cannot be used at a till.");
        }
        return session;
    }

    public void signOut(String token) {
        if (token != null) {
            String hash = hash(token);
            sessions.remove(hash);
            touched.remove(hash);
            store.remove(hash);
        }
    }

    /** Signs out every session at {@code lane} (the lane was unpaired). */
    public void signOutLane(String lane) {
        sessions.forEach((hash, session) -> {
            if (lane.equals(session.lane())) {
                sessions.remove(hash);
                touched.remove(hash);
                store.remove(hash);
            }
        });
    }

    /** A token's SHA-256, as sessions are kept by. */
    private static String hash(String token) {
        return Secrets.sha256(token);
    }
}
