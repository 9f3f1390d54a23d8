package io.chainretail.hq.broker;

import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.store.Store;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The broker accounts: HQ's own ({@code hq.mqtt.username}, default {@code hq}) and one per store agent,
 * issued here ({@code store-<code>}), each with its {@link BrokerAcl} rules. The embedded broker asks this
 * class who is connecting; the Mosquitto files are rendered from the same accounts.
 */
@Singleton
public class BrokerAccounts {

    /** Who an authenticated connection is, and what it may do. */
    public record Account(String username, String store, BrokerAcl.Rules rules) {

        /**
         * Whether this account may connect as {@code clientId}. A broker hands a client id to whoever
         * connects with it last, disconnecting the one before: were a store free to pick any id, its
         * account could take over HQ's session or another store's. A store connects as its username
         * ({@code store-0001}) or as that name, {@code @} and a suffix of its own ({@code store-0001@lane-gw});
         * {@code @} cannot be part of a store code, so no store's ids overlap another's. HQ's account is
         * trusted with any id.
         */
        public boolean mayUseClientId(String clientId) {
            return store == null || username.equals(clientId)
                    || clientId != null && clientId.startsWith(username + CLIENT_ID_SUFFIX);
        }
    }

    /** What separates a store's username from a suffix in a client id of its own. */
    public static final String CLIENT_ID_SUFFIX = "@";

    /** A credential just issued; the password is shown this once and never stored. */
    public record Issued(String store, String username, String password, Instant issuedAt) {
    }

    /** A credential as listed: no password, no hash. */
    public record Listed(String store, String username, Instant issuedAt, String issuedBy) {
    }

    private final BrokerAcl acl;
    private final String hqUsername;
    private final String hqPassword;

    public BrokerAccounts(HqConfig config) {
        this.acl = new BrokerAcl(config.chain());
        this.hqUsername = config.mqtt().username().orElse("hq");
        // Without a configured password the embedded broker's HQ account gets a new random one each start:
        // only this process connects with it.
        this.hqPassword = config.mqtt().password().orElseGet(MosquittoPasswordHash::newPassword);
    }

    public static String usernameOf(String store) {
        return "store-" + store;
    }

    public String hqUsername() {
        return hqUsername;
    }

    public String hqPassword() {
        return hqPassword;
    }

    /** The account for {@code username} if {@code password} is its password. Runs on the broker's threads. */
    public Optional<Account> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        if (username.equals(hqUsername)) {
            return java.security.MessageDigest.isEqual(hqPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    password.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    ? Optional.of(new Account(hqUsername, null, acl.hq())) : Optional.empty();
        }
        BrokerCredential credential = QuarkusTransaction.requiringNew()
                .call(() -> BrokerCredential.<BrokerCredential>find("username", username).firstResult());
        if (credential == null || !MosquittoPasswordHash.matches(password, credential.passwordHash)) {
            return Optional.empty();
        }
        return Optional.of(new Account(username, credential.storeCode, acl.store(credential.storeCode)));
    }

    /** The rules of an authenticated account, by the store it belongs to (null for HQ). */
    public BrokerAcl.Rules rulesOf(String store) {
        return store == null ? acl.hq() : acl.store(store);
    }

    /** Issues store {@code store} a new password, replacing any earlier one. */
    @Transactional
    public Issued issue(String store, String issuedBy) {
        if (Store.findById(store) == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_STORE, "There is no store " + store + ": describe it at HQ first.");
        }
        String password = MosquittoPasswordHash.newPassword();
        BrokerCredential credential = BrokerCredential.findById(store);
        if (credential == null) {
            credential = new BrokerCredential();
            credential.storeCode = store;
        }
        credential.username = usernameOf(store);
        credential.passwordHash = MosquittoPasswordHash.hash(password);
        credential.issuedAt = Instant.now();
        credential.issuedBy = issuedBy;
        credential.persist();
        return new Issued(store, credential.username, password, credential.issuedAt);
    }

    @Transactional
    public List<Listed> list() {
        return BrokerCredential.<BrokerCredential>listAll().stream()
                .sorted(java.util.Comparator.comparing(c -> c.storeCode))
                .map(c -> new Listed(c.storeCode, c.username, c.issuedAt, c.issuedBy)).toList();
    }

    /** Each account's password hash ({@link MosquittoPasswordHash}) by username: HQ's first, then the stores'. */
    @Transactional
    java.util.Map<String, String> passwordHashes() {
        java.util.Map<String, String> hashes = new java.util.LinkedHashMap<>();
        hashes.put(hqUsername, MosquittoPasswordHash.hash(hqPassword));
        for (BrokerCredential credential : BrokerCredential.<BrokerCredential>list("order by storeCode")) {
            hashes.put(credential.username, credential.passwordHash);
        }
        return hashes;
    }

    /** HQ's account and every store's, in that order. */
    @Transactional
    List<Account> all() {
        List<Account> all = new java.util.ArrayList<>();
        all.add(new Account(hqUsername, null, acl.hq()));
        for (BrokerCredential credential : BrokerCredential.<BrokerCredential>list("order by storeCode")) {
            all.add(new Account(credential.username, credential.storeCode, acl.store(credential.storeCode)));
        }
        return all;
    }
}
