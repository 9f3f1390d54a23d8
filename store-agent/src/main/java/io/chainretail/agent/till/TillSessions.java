package io.chainretail.agent.till;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.staff.StaffRoster;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.security.PasswordHasher;
import io.chainretail.core.sync.payload.StaffList;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
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

    /** The role that may approve returns without receipt, voids and no-sales. */
    public static final String MANAGER = "manager";

    private final Map<String, User> users = new HashMap<>();
    private final StaffRoster roster;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long lockoutMillis;
    private final SecureRandom random = new SecureRandom();
    private final long timeoutMillis;

    public TillSessions(AgentConfig config, StaffRoster roster) {
        this.roster = roster;
        for (String entry : config.cashiers()) {
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

    /** A new session, or empty when the id or PIN is wrong (the caller does not learn which). */
    public Optional<Session> signIn(String cashier, String pin, String lane) {
        User user = check(cashier, pin);
        if (user == null) {
            return Optional.empty();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        Session session = new Session(HexFormat.of().formatHex(bytes), user.id, user.role, lane,
                System.currentTimeMillis());
        sessions.put(session.token(), session);
        return Optional.of(session);
    }

    /** The live session of a token; touching it keeps it alive. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session session = sessions.get(token);
        long now = System.currentTimeMillis();
        if (session == null || now - session.lastUsedMillis() > timeoutMillis) {
            sessions.remove(token);
            return Optional.empty();
        }
        Session touched = new Session(session.token(), session.cashier(), session.role(), session.lane(), now);
        sessions.put(token, touched);
        return Optional.of(touched);
    }

    /**
     * A manager's approval at the till: the manager keys their id and PIN on the cashier's session.
     *
     * @return the approving manager's id
     * @throws Refusal when the PIN is wrong or the user is not a manager; the action must not happen
     */
    public String approve(String approver, String pin, String action) {
        User user = check(approver, pin);
        if (user == null || !MANAGER.equals(user.role)) {
            throw Refusal.forbidden("MANAGER_APPROVAL_REQUIRED", action + " needs a manager's id and PIN.");
        }
        return user.id;
    }

    /**
     * The user whose id and PIN these are, or null; a locked id is refused (423-like 401 PIN_LOCKED) even
     * with the right PIN, and a wrong PIN counts towards the lock.
     */
    private User check(String id, String pin) {
        long now = System.currentTimeMillis();
        Failures failed = id == null ? null : failures.get(id);
        if (failed != null && failed.lockedUntilMillis() > now) {
            throw Refusal.unauthorized("PIN_LOCKED", "Too many wrong PINs for " + id + ": locked for "
                    + Math.max(1, (failed.lockedUntilMillis() - now + 59_999) / 60_000) + " more minute(s).");
        }
        Optional<StaffList.Member> fromHq = roster.find(id);
        User user = fromHq.isPresent() ? fromHq.filter(StaffList.Member::active)
                .map(m -> new User(m.tillId(), null, m.pinHash(), m.role())).orElse(null)
                : id == null ? null : users.get(id);
        if (user == null || !user.pinMatches(pin)) {
            if (fromHq.isPresent() || users.containsKey(id)) { // known ids only: strangers cannot grow the map
                failures.compute(id, (key, before) -> {
                    int count = (before == null || before.lockedUntilMillis() > 0 ? 0 : before.count()) + 1;
                    return count >= maxFailures ? new Failures(0, now + lockoutMillis) : new Failures(count, 0);
                });
            }
            return null;
        }
        failures.remove(id);
        return user;
    }

    /** The live session of a token, or 401 for the till to sign in again. */
    public Session require(String token) {
        return find(token).orElseThrow(() -> Refusal.unauthorized("NOT_SIGNED_IN", "Sign in at the till first."));
    }

    public void signOut(String token) {
        sessions.remove(token);
    }
}
