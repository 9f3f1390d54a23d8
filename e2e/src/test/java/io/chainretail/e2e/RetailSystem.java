package io.chainretail.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The whole system as real processes: HQ (with its embedded broker, or on the broker named by
 * {@code it.mqtt.url}; on H2, or on the PostgreSQL named by {@code it.db.url}), store agents and tills.
 */
public final class RetailSystem implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    /** The first HQ admin's password in every test system (user {@code admin}). */
    public static final String ADMIN_PASSWORD = "e2e-admin-password";
    /** HQ's own account on its embedded broker, which test clients that watch or inject messages use. */
    public static final String HQ_BROKER_PASSWORD = "e2e-broker-password";

    /** A setting for {@link #startHq(Map)} and {@link #startAgent(String, Map)} that is no property: {@code -Xmx}. */
    public static final String HEAP = "e2e.heap";

    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String chain;
    private final Path workDir;
    private final Path logDir;
    private final String externalBroker;
    private final String postgresUrl = blankToNull(System.getProperty("it.db.url"));
    private final List<AppProcess> processes = new ArrayList<>();
    /** Broker credentials HQ issued to each store, kept so an agent restarted while HQ is down has them. */
    private final Map<String, BrokerLogin> storeLogins = new java.util.HashMap<>();
    private final int brokerPort = AppProcess.freePort();
    private final String schema = "e2e_" + runId;
    private AppProcess hq;
    private boolean ownRole;

    public RetailSystem(String testName) throws IOException {
        this(testName, blankToNull(System.getProperty("it.mqtt.url")));
    }

    /** A system on the external broker at {@code brokerUrl} (anonymous), or on HQ's embedded one if null. */
    public RetailSystem(String testName, String brokerUrl) throws IOException {
        this.externalBroker = brokerUrl;
        this.chain = externalBroker == null ? "e2e" : "e2e" + runId;
        this.workDir = ROOT.resolve("e2e/target/runs/" + testName + "-" + runId);
        this.logDir = workDir.resolve("logs");
        Files.createDirectories(logDir);
    }

    public String chain() {
        return chain;
    }

    /** Where this run keeps its databases and logs. */
    public Path workDir() {
        return workDir;
    }

    public String brokerUrl() {
        return externalBroker != null ? externalBroker : "tcp://127.0.0.1:" + brokerPort;
    }

    /** HQ's broker account: every topic of the chain (anonymous on an external test broker). */
    public BrokerLogin hqBroker() {
        return externalBroker != null ? BrokerLogin.anonymous(externalBroker)
                : new BrokerLogin(brokerUrl(), "hq", HQ_BROKER_PASSWORD);
    }

    /** Store {@code store}'s broker account, as HQ issued it when its agent was first started. */
    public BrokerLogin storeBroker(String store) {
        BrokerLogin login = storeLogins.get(store);
        if (login == null) {
            throw new IllegalStateException("store " + store + " has no broker credentials yet");
        }
        return login;
    }

    /** True when the broker is HQ's embedded one, so stopping HQ stops the broker too. */
    public boolean embeddedBroker() {
        return externalBroker == null;
    }

    public boolean onPostgres() {
        return postgresUrl != null;
    }

    public AppProcess startHq() throws Exception {
        return startHq(Map.of());
    }

    /** Starts HQ with extra settings, e.g. a short {@code hq.sync.retention}. */
    public AppProcess startHq(Map<String, String> settings) throws Exception {
        hq = startHqInstance("hq", settings);
        return hq;
    }

    /**
     * Starts one more HQ instance on the same database and broker, as an operator scales HQ out: only on
     * PostgreSQL with an external broker (H2 and the embedded broker belong to one instance). Start
     * {@link #startHq} first; it creates the first admin.
     */
    public AppProcess startAnotherHq(String name) throws Exception {
        if (postgresUrl == null || externalBroker == null) {
            throw new IllegalStateException("HQ scales out on PostgreSQL with an external broker only");
        }
        return startHqInstance(name, Map.of());
    }

    /** Whether this system can run HQ on several instances (PostgreSQL and an external broker). */
    public boolean canScaleOut() {
        return postgresUrl != null && externalBroker != null;
    }

    private AppProcess startHqInstance(String name, Map<String, String> settings) throws Exception {
        Map<String, String> props = new LinkedHashMap<>(settings);
        props.putIfAbsent("hq.auth.admin-password", ADMIN_PASSWORD);
        props.put("hq.chain", chain);
        props.put("hq.data-dir", workDir.resolve(name).toString());
        Path jar = ROOT.resolve("hq-server/target/quarkus-app/quarkus-run.jar");
        if (externalBroker != null) {
            props.put("hq.mqtt.url", externalBroker);
            props.put("hq.mqtt.client-id", name + "-" + runId);
            props.put("hq.mqtt.session-expiry", "PT5M");
        } else {
            props.put("hq.broker.port", Integer.toString(brokerPort));
            props.put("hq.mqtt.password", HQ_BROKER_PASSWORD);
        }
        if (postgresUrl != null) {
            props.put("quarkus.datasource.jdbc.url", postgresUrl + "?currentSchema=" + schema);
            props.put("quarkus.datasource.username", databaseUser());
            props.put("quarkus.flyway.schemas", schema);
            jar = PostgresBuild.hqJar(ROOT);
        }
        String heap = props.remove(HEAP);
        AppProcess instance = new AppProcess(name, jar, AppProcess.freePort(), props, logDir);
        if (heap != null) {
            instance.maxHeap(heap);
        }
        track(instance.start());
        Http.signIn(instance.url(), "admin", props.get("hq.auth.admin-password"));
        return instance;
    }

    public AppProcess startAgent(String store) throws Exception {
        return startAgent(store, Map.of());
    }

    /**
     * Starts a store agent; {@code settings} override the test defaults. As an operator would, it first
     * describes the store at HQ (region {@code E2E}, Asia/Shanghai, CNY), when HQ is running.
     */
    public AppProcess startAgent(String store, Map<String, String> settings) throws Exception {
        if (hq != null && hq.isAlive()) {
            Http.put(hq.url() + "/api/regions/E2E", "{\"name\":\"End-to-end\"}");
            String body = "{\"code\":\"" + store + "\",\"name\":\"Store " + store + "\",\"region\":\"E2E\","
                    + "\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":4}";
            Http.Reply defined = Http.put(hq.url() + "/api/stores/" + store, body);
            if (defined.status() != 200) {
                throw new IllegalStateException("HQ refused store " + store + ": " + defined.body());
            }
            if (!storeLogins.containsKey(store)) {
                Http.Reply issued = Http.post(hq.url() + "/api/broker/credentials/" + store, "");
                if (issued.status() != 200) {
                    throw new IllegalStateException("HQ issued no broker credentials to " + store + ": "
                            + issued.body());
                }
                storeLogins.put(store, new BrokerLogin(brokerUrl(), issued.body().path("username").asText(),
                        issued.body().path("password").asText()));
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        // The demo profile's till users (cashier 1001, manager 9001), which a production start refuses.
        props.put("quarkus.profile", "demo");
        props.put("agent.chain", chain);
        props.put("agent.store", store);
        props.put("agent.data-dir", agentDataDir(store).toString());
        props.put("agent.mqtt.url", brokerUrl());
        // A store may add "@" and a suffix to its name: runs sharing the machine's broker keep apart.
        props.put("agent.mqtt.client-id", "store-" + store + "@" + runId);
        props.put("agent.mqtt.session-expiry", "PT5M");
        props.put("agent.uplink.resend-after", "2s");
        BrokerLogin login = storeLogins.get(store);
        if (login != null) {
            props.put("agent.mqtt.username", login.username());
            props.put("agent.mqtt.password", login.password());
        }
        props.putAll(settings);
        String heap = props.remove(HEAP);
        AppProcess agent = new AppProcess("agent-" + store,
                ROOT.resolve("store-agent/target/quarkus-app/quarkus-run.jar"), AppProcess.freePort(), props, logDir);
        if (heap != null) {
            agent.maxHeap(heap);
        }
        return track(agent.start());
    }

    /** Starts a till for {@code lane}, paired with the agent as an installer does (a code from the manager). */
    public AppProcess startPos(AppProcess agent, String lane) throws Exception {
        return startPos(agent, lane, true);
    }

    /** Starts a till for {@code lane}; unless {@code paired}, its page asks for a pairing code first. */
    public AppProcess startPos(AppProcess agent, String lane, boolean paired) throws Exception {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("pos.agent-url", agent.url());
        props.put("pos.lane", lane);
        if (paired) {
            props.put("pos.pairing-code", Lanes.pairingCode(agent, lane));
        }
        String name = "pos-" + lane + "-" + agent.url().replaceAll("\\D", "");
        props.put("pos.data-dir", workDir.resolve(name).toString());
        return track(new AppProcess(name,
                ROOT.resolve("pos-client/target/quarkus-app/quarkus-run.jar"), AppProcess.freePort(), props,
                logDir).start());
    }

    /** Where store {@code store}'s agent keeps its H2 database (under {@code db/agent}). */
    public Path agentDataDir(String store) {
        return workDir.resolve("store-" + store);
    }

    public AppProcess hq() {
        return hq;
    }

    private AppProcess track(AppProcess process) {
        processes.add(process);
        return process;
    }

    /**
     * On PostgreSQL, HQ connects as a role of this run's own (created here, owning the run's schema), so a
     * test can cut HQ off its database ({@link #cutDatabase}) without touching anyone else's connections.
     * Call before {@link #startHq}.
     */
    public void giveHqItsOwnDatabaseRole() throws java.sql.SQLException {
        if (postgresUrl == null) {
            return;
        }
        try (java.sql.Connection db = adminConnection()) {
            db.createStatement().execute("create role " + schema + " login");
            db.createStatement().execute("create schema " + schema + " authorization " + schema);
        }
        ownRole = true;
    }

    /** PostgreSQL refuses HQ's new connections and ends its open ones, as when the database is away. */
    public void cutDatabase() throws java.sql.SQLException {
        try (java.sql.Connection db = adminConnection()) {
            db.createStatement().execute("alter role " + schema + " nologin");
            db.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '"
                    + schema + "'");
        }
    }

    /** PostgreSQL lets HQ in again. */
    public void restoreDatabase() throws java.sql.SQLException {
        try (java.sql.Connection db = adminConnection()) {
            db.createStatement().execute("alter role " + schema + " login");
        }
    }

    /** A connection to HQ's database on PostgreSQL, in this run's schema, as the test's own user. */
    public java.sql.Connection hqDatabase() throws java.sql.SQLException {
        java.sql.Connection db = adminConnection();
        db.createStatement().execute("set search_path to " + schema);
        return db;
    }

    private String databaseUser() {
        return ownRole ? schema : System.getProperty("it.db.user", "postgres");
    }

    private java.sql.Connection adminConnection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(postgresUrl, System.getProperty("it.db.user", "postgres"), "");
    }

    @Override
    public void close() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        if (postgresUrl != null) {
            try (java.sql.Connection db = adminConnection()) {
                db.createStatement().execute("drop schema if exists " + schema + " cascade");
                if (ownRole) {
                    db.createStatement().execute("drop role if exists " + schema);
                }
            }
        }
        // Keep the logs of a run for reading; drop its databases.
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.startsWith(logDir) && !p.equals(workDir))
                    .forEach(p -> p.toFile().delete());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
