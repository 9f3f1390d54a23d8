package io.chainretail.hq.identity;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.security.PasswordHasher;
import io.chainretail.core.security.Secrets;
import io.chainretail.hq.HqConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Users and their sessions: sign-in with a password (slow hash; an account locks for
 * {@code hq.auth.lockout} after {@code hq.auth.max-failed-signins} failures in a row), bearer tokens that
 * expire after {@code hq.auth.session-timeout} without use, sign-out, and user administration.
 */
@ApplicationScoped
public class Identities {

    /** Who is signed in: what the server trusts for every request of the session. */
    public record SignedIn(String username, String displayName, Role role, String store) {
    }

    /** A new session: the token is shown once, to the one who signed in. */
    public record Session(String token, Instant expiresAt, SignedIn user) {
    }

    /** Fired after each sign-in attempt, for the audit log: {@code outcome} is ok, bad-credentials or locked. */
    public record SignInAttempt(String username, String outcome) {
    }

    /** A user as listed (never the hash). */
    public record UserView(String username, String displayName, String role, String store, boolean active,
            boolean locked, String tillId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked against when a user does not exist, so that takes as long as a wrong password. */
    private static final String DUMMY_HASH = PasswordHasher.hash("not a password");

    private final HqConfig.Auth settings;
    private final jakarta.enterprise.event.Event<SignInAttempt> attempts;
    private final jakarta.enterprise.event.Event<StaffChanged> staffEvents;
    private final InstantSource clock;

    public Identities(HqConfig config, jakarta.enterprise.event.Event<SignInAttempt> attempts,
            jakarta.enterprise.event.Event<StaffChanged> staffEvents, InstantSource clock) {
        this.settings = config.auth();
        this.attempts = attempts;
        this.staffEvents = staffEvents;
        this.clock = clock;
    }

    /**
     * Signs in, or refuses with 401 BAD_CREDENTIALS; a failure is counted either way. A locked account is
     * refused with the same answer as an unknown user or a wrong password, so that no one learns from the
     * answers which user names exist; the audit log and the users list say which it was.
     */
    public Session signIn(String username, String password) {
        Attempt attempt = attempt(username, password, clock.instant());
        attempts.fire(new SignInAttempt(username, attempt.outcome == Outcome.OK ? "ok"
                : attempt.outcome == Outcome.LOCKED ? "locked" : "bad-credentials"));
        if (attempt.outcome == Outcome.OK) {
            return attempt.session;
        }
        throw Refusal.of(ErrorCode.BAD_CREDENTIALS, "Unknown user or wrong password. After "
                + settings.maxFailedSignins() + " failed sign-ins in a row an account is locked for "
                + settings.lockout().toMinutes() + " minutes; an HQ admin can reset its password sooner.");
    }

    private enum Outcome { OK, BAD, LOCKED }

    private record Attempt(Outcome outcome, Session session, Instant lockedUntil) {
    }

    /** One transaction that commits a failure count as well as a success. */
    @Transactional
    Attempt attempt(String username, String password, Instant now) {
        UserAccount user = username == null ? null : UserAccount.findById(username);
        if (user == null || !user.active) {
            PasswordHasher.matches(password == null ? "" : password, DUMMY_HASH);
            return new Attempt(Outcome.BAD, null, null);
        }
        if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            PasswordHasher.matches(password == null ? "" : password, DUMMY_HASH); // as long as any other answer
            return new Attempt(Outcome.LOCKED, null, user.lockedUntil);
        }
        if (password == null || !PasswordHasher.matches(password, user.passwordHash)) {
            user.failedSignins++;
            if (user.failedSignins >= settings.maxFailedSignins()) {
                user.lockedUntil = now.plus(settings.lockout());
                user.failedSignins = 0;
                return new Attempt(Outcome.LOCKED, null, user.lockedUntil);
            }
            return new Attempt(Outcome.BAD, null, null);
        }
        user.failedSignins = 0;
        user.lockedUntil = null;
        String token = Secrets.newToken();
        UserSession session = new UserSession();
        session.tokenHash = sha256(token);
        session.username = user.username;
        session.createdAt = now;
        session.expiresAt = now.plus(settings.sessionTimeout());
        session.persist();
        return new Attempt(Outcome.OK, new Session(token, session.expiresAt, signedIn(user)), null);
    }

    /**
     * The user of a live session, its expiry pushed forward (written only when less than half of the
     * timeout is left, so not every request writes).
     */
    @Transactional
    public Optional<SignedIn> identify(String token) {
        UserSession session = UserSession.findById(sha256(token));
        Instant now = clock.instant();
        if (session == null || !session.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        UserAccount user = UserAccount.findById(session.username);
        if (user == null || !user.active) {
            return Optional.empty();
        }
        if (Duration.between(now, session.expiresAt).compareTo(settings.sessionTimeout().dividedBy(2)) < 0) {
            session.expiresAt = now.plus(settings.sessionTimeout());
        }
        return Optional.of(signedIn(user));
    }

    @Transactional
    public void signOut(String token) {
        UserSession.deleteById(sha256(token));
    }

    @Transactional
    public List<UserView> list() {
        return UserAccount.<UserAccount>list("order by username").stream().map(this::view).toList();
    }

    /** Creates a user, or replaces its name, role, store and (if given) password; 400 for a bad field. */
    @Transactional
    public UserView save(String username, String displayName, String roleId, String store, String password,
            boolean active) {
        Role role = Role.of(roleId).orElseThrow(() -> Refusal.of(ErrorCode.INVALID_ROLE, "role", "role must be "
                + "hq-admin, hq-staff, store-manager or cashier"));
        if (role.storeBound() && (store == null || store.isBlank())) {
            throw Refusal.of(ErrorCode.STORE_REQUIRED, "store", "a " + role.id() + " belongs to a store");
        }
        if (!role.storeBound() && store != null && !store.isBlank()) {
            throw Refusal.of(ErrorCode.NO_STORE_FOR_HQ_ROLE, "store", "a " + role.id() + " works for the whole chain");
        }
        UserAccount user = UserAccount.findById(username);
        if (user == null && (password == null || password.isEmpty()) && role != Role.CASHIER) {
            throw Refusal.of(ErrorCode.PASSWORD_REQUIRED, "password", "a new user needs a password");
        }
        if (password != null && !password.isEmpty() && password.length() < settings.minPasswordLength()) {
            throw Refusal.of(ErrorCode.PASSWORD_TOO_SHORT, "password", "at least " + settings.minPasswordLength()
                    + " characters");
        }
        boolean created = user == null;
        String storeBefore = created ? null : user.storeCode;
        if (created) {
            user = new UserAccount();
            user.username = username;
            user.createdAt = clock.instant();
        }
        user.displayName = displayName;
        user.role = role.id();
        user.storeCode = role.storeBound() ? store : null;
        user.active = active;
        if (created && (password == null || password.isEmpty())) {
            // A cashier works only at the till (PIN); no password signs in to HQ.
            byte[] unusable = new byte[24];
            RANDOM.nextBytes(unusable);
            user.passwordHash = PasswordHasher.hash(Base64.getEncoder().encodeToString(unusable));
        }
        if (password != null && !password.isEmpty()) {
            user.passwordHash = PasswordHasher.hash(password);
            user.failedSignins = 0;
            user.lockedUntil = null; // a reset password unlocks
        }
        if (created) {
            user.persist(); // once complete: the insert takes the row as it is now
        }
        if (!active) {
            UserSession.delete("username", username);
        }
        if (!role.storeBound()) {
            user.tillId = null; // HQ roles do not work the tills
            user.pinHash = null;
        }
        staffChanged(storeBefore, user.storeCode);
        return view(user);
    }

    /**
     * Gives a cashier or store manager their till id and PIN. 404 NO_USER, 400 NOT_A_STORE_ROLE,
     * INVALID_TILL_ID or INVALID_PIN, 409 TILL_ID_TAKEN.
     */
    @Transactional
    public UserView setTillAccess(String username, String tillId, String pin) {
        UserAccount user = UserAccount.findById(username);
        if (user == null) {
            throw Refusal.of(ErrorCode.NO_USER, "There is no user " + username + ".");
        }
        if (user.storeCode == null) {
            throw Refusal.of(ErrorCode.NOT_A_STORE_ROLE, "tillId", "only cashiers and store managers work the tills");
        }
        if (tillId == null || !tillId.matches("[0-9]{3,8}")) {
            throw Refusal.of(ErrorCode.INVALID_TILL_ID, "tillId", "3-8 digits, as the till's keypad types them");
        }
        if (pin == null || !pin.matches("[0-9]{4,8}")) {
            throw Refusal.of(ErrorCode.INVALID_PIN, "pin", "4-8 digits");
        }
        UserAccount holder = UserAccount.find("tillId", tillId).firstResult();
        if (holder != null && !holder.username.equals(username)) {
            throw Refusal.of(ErrorCode.TILL_ID_TAKEN, "Till id " + tillId + " belongs to " + holder.username + ".");
        }
        user.tillId = tillId;
        user.pinHash = PasswordHasher.hash(pin);
        staffChanged(user.storeCode, user.storeCode);
        return view(user);
    }

    /** The stores whose till staff changed, for {@code StaffPublisher} once the change commits. */
    public record StaffChanged(java.util.Set<String> stores) {
    }

    private void staffChanged(String before, String after) {
        java.util.Set<String> stores = new java.util.HashSet<>();
        if (before != null) {
            stores.add(before);
        }
        if (after != null) {
            stores.add(after);
        }
        if (!stores.isEmpty()) {
            staffEvents.fire(new StaffChanged(stores));
        }
    }

    @Transactional
    public long count() {
        return UserAccount.count();
    }

    private static SignedIn signedIn(UserAccount user) {
        return new SignedIn(user.username, user.displayName, Role.of(user.role).orElseThrow(), user.storeCode);
    }

    private UserView view(UserAccount user) {
        return new UserView(user.username, user.displayName, user.role, user.storeCode, user.active,
                user.lockedUntil != null && user.lockedUntil.isAfter(clock.instant()), user.tillId);
    }

    static String sha256(String token) {
        return Secrets.sha256(token);
    }
}
