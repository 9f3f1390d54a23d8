package io.chainretail.hq.broker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.sync.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broker credentials issued by HQ and the ACL that goes with them, on the embedded broker and on a real
 * Mosquitto started with the password and ACL files HQ generates: a store publishes only its own uplink
 * and status, reads only the chain feeds and its own downlink, and nobody gets in without a password.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class BrokerSecurityTest {

    /** A broker account as a client uses it. */
    record Login(String username, String password) {
    }

    private final Topics topics = new Topics("demo");

    @Inject
    EmbeddedBroker broker;

    @Inject
    BrokerAccounts accounts;

    private Login hq;
    private Login store1;
    private Login store2;

    @BeforeEach
    void issueCredentials() {
        given().contentType("application/json").body("{\"name\":\"ACL\"}").put("/api/regions/ACL")
                .then().statusCode(200);
        for (String store : List.of("0101", "0102")) {
            given().contentType("application/json").body("{\"code\":\"" + store + "\",\"name\":\"Store " + store
                    + "\",\"region\":\"ACL\",\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":2}")
                    .put("/api/stores/" + store).then().statusCode(200);
        }
        hq = new Login(accounts.hqUsername(), accounts.hqPassword());
        store1 = issue("0101");
        store2 = issue("0102");
    }

    private Login issue(String store) {
        JsonPath issued = given().post("/api/broker/credentials/" + store).then().statusCode(200)
                .body("username", equalTo("store-" + store)).extract().jsonPath();
        return new Login(issued.getString("username"), issued.getString("password"));
    }

    @Test
    void issuesCredentialsShownOnceAndListsThemWithoutSecrets() {
        given().get("/api/broker/credentials").then().statusCode(200)
                .body("store", hasItem("0101")).body("[0]", not(org.hamcrest.Matchers.hasKey("password")))
                .body("find { it.store == '0101' }.issuedBy", equalTo("test-admin"));
        given().post("/api/broker/credentials/9999").then().statusCode(404);
        String passwd = given().get("/api/broker/mosquitto/passwd").then().statusCode(200).extract().asString();
        assertTrue(passwd.contains("store-0101:$7$"), passwd);
        assertFalse(passwd.contains(store1.password()), "the password file holds hashes only");
        String acl = given().get("/api/broker/mosquitto/acl").then().statusCode(200).extract().asString();
        assertTrue(acl.contains("user store-0101\ntopic write retail/v1/demo/store/0101/up/#\n"), acl);
        String conf = given().get("/api/broker/mosquitto/conf").then().statusCode(200).extract().asString();
        assertTrue(conf.contains("password_file /etc/mosquitto/retail.passwd\n"), conf);
        assertTrue(conf.contains("use_username_as_clientid true\n"), conf);
        given().queryParam("dir", "/etc\ninclude_dir /tmp").get("/api/broker/mosquitto/conf").then().statusCode(400)
                .body("field", equalTo("dir"));
    }

    @Test
    void embeddedBrokerEnforcesTheAcl() throws Exception {
        assertAclEnforced(broker.url());
    }

    @Test
    void mosquittoWithTheGeneratedFilesEnforcesTheSameAcl() throws Exception {
        Path mosquitto = Path.of("/usr/sbin/mosquitto");
        if (!Files.isExecutable(mosquitto)) {
            String message = "the Mosquitto ACL test needs mosquitto (apt-get install mosquitto)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message + ", and CI must run it.");
            }
            System.err.println("\n!!! SKIPPED: " + message + " !!!\n");
            Assumptions.abort(message);
        }
        Path dir = Files.createDirectories(Path.of("target/mosquitto-acl"));
        Files.writeString(dir.resolve(MosquittoFiles.PASSWORD_FILE),
                given().get("/api/broker/mosquitto/passwd").asString());
        Files.writeString(dir.resolve(MosquittoFiles.ACL_FILE), given().get("/api/broker/mosquitto/acl").asString());
        String generated = given().queryParam("dir", dir.toAbsolutePath().toString()).get("/api/broker/mosquitto/conf")
                .then().statusCode(200).extract().asString();
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "persistence false",
                "user " + System.getProperty("user.name"),
                generated));
        Process process = new ProcessBuilder(mosquitto.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        try {
            String url = "tcp://127.0.0.1:" + port;
            long deadline = System.currentTimeMillis() + 10_000;
            while (true) {
                try (BrokerClient probe = BrokerClient.connect(url, hq.username(), hq.password())) {
                    break;
                } catch (MqttException e) {
                    if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                        throw new AssertionError("mosquitto did not take HQ's account: " + e + "\n"
                                + Files.readString(dir.resolve("mosquitto.log")), e);
                    }
                    Thread.sleep(100);
                }
            }
            assertAclEnforced(url);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** The same checks on any broker that HQ's accounts and ACL are loaded into. */
    private void assertAclEnforced(String url) throws Exception {
        assertThrows(MqttException.class, () -> BrokerClient.connect(url, null, null), "anonymous is refused");
        assertThrows(MqttException.class, () -> BrokerClient.connect(url, store1.username(), "guess"),
                "a wrong password is refused");
        assertThrows(MqttException.class, () -> BrokerClient.connect(url, store1.username(), store2.password()),
                "another store's password is refused");

        try (BrokerClient watcher = BrokerClient.connect(url, hq.username(), hq.password())) {
            assertTrue(watcher.subscribe(topics.everything()), "HQ reads the whole chain tree");
            // What a store may send reaches HQ.
            for (String topic : List.of(topics.up("0101", "sale"), topics.status("0101"),
                    topics.syncRequest("0101"), topics.syncProgress("0101"))) {
                try (BrokerClient store = BrokerClient.connect(url, store1.username(), store1.password())) {
                    assertTrue(store.publish(topic, "own"), topic);
                }
                assertEquals(topic, awaitOn(watcher, topic), "HQ receives " + topic);
            }
            // Forged events, statuses and feed deltas never get through (each try on a new connection: a
            // broker may drop a client that breaks its ACL).
            List<String> forged = List.of(topics.up("0102", "sale"), topics.status("0102"),
                    topics.syncRequest("0102"), topics.syncProgress("0102"), topics.ack("0102"), topics.feed("catalog"),
                    topics.storeFeed("0101", "prices"));
            for (String topic : forged) {
                try (BrokerClient store = BrokerClient.connect(url, store1.username(), store1.password())) {
                    store.publish(topic, "forged");
                }
            }
            // Then a message the store may send: once it is through, so is whatever the broker let pass before it.
            try (BrokerClient store = BrokerClient.connect(url, store1.username(), store1.password())) {
                assertTrue(store.publish(topics.up("0101", "sale"), "marker"));
            }
            assertNothingBeforeMarker(watcher, topics.up("0101", "sale"),
                    next -> forged.contains(next.topic()) && next.text().equals("forged"));
        }

        // A store reads the chain feeds and its own downlink, and nothing of another store's.
        try (BrokerClient store = BrokerClient.connect(url, store1.username(), store1.password());
                BrokerClient hqClient = BrokerClient.connect(url, hq.username(), hq.password())) {
            for (String filter : List.of(topics.allFeeds(), topics.storeFeed("0101", "+"), topics.syncReply("0101"),
                    topics.ack("0101"))) {
                assertTrue(store.subscribe(filter), filter);
            }
            List<String> own = List.of(topics.feed("catalog"), topics.storeFeed("0101", "prices"),
                    topics.syncReply("0101"), topics.ack("0101"));
            for (String topic : own) {
                assertTrue(hqClient.publish(topic, "for 0101"), topic);
                assertEquals(topic, awaitOn(store, topic), "store 0101 receives " + topic);
            }
        }
        List<String> othersFilters = List.of(topics.ack("0102"), topics.syncReply("0102"),
                topics.storeFeed("0102", "+"), "retail/v1/demo/store/+/ack", "retail/v1/demo/#", "#",
                topics.up("0102", "+"));
        // One connection (a store account has one client id) asks for all of them: the embedded broker refuses
        // each subscription; Mosquitto grants them but delivers nothing the ACL does not let the store read.
        try (BrokerClient hqClient = BrokerClient.connect(url, hq.username(), hq.password());
                BrokerClient snoop = BrokerClient.connect(url, store1.username(), store1.password())) {
            othersFilters.forEach(snoop::subscribe);
            assertTrue(snoop.subscribe(topics.ack("0101")), "its own acknowledgements it may read");
            List<String> theirs = List.of(topics.ack("0102"), topics.syncReply("0102"),
                    topics.storeFeed("0102", "prices"), topics.up("0102", "sale"));
            for (String topic : theirs) {
                assertTrue(hqClient.publish(topic, "for 0102"), topic);
            }
            assertTrue(hqClient.publish(topics.ack("0101"), "marker"));
            assertNothingBeforeMarker(snoop, topics.ack("0101"), next -> next.text().equals("for 0102"));
            assertTrue(snoop.connected(), "the snoop was still there to receive");
        }
        assertNoTakeover(url);
    }

    /**
     * A store account cannot take over another client's session by connecting under its client id: HQ and
     * store 0102 stay connected (each still receives) after store 0101's account tried both their ids.
     */
    private void assertNoTakeover(String url) throws Exception {
        try (BrokerClient hqVictim = BrokerClient.connect(url, hq.username(), hq.password(), "hq-acl");
                BrokerClient storeVictim = BrokerClient.connect(url, store2.username(), store2.password())) {
            assertTrue(hqVictim.subscribe(topics.status("0102")));
            assertTrue(storeVictim.subscribe(topics.ack("0102")));
            for (String victimId : List.of("hq-acl", store2.username())) {
                try (BrokerClient attacker = BrokerClient.connect(url, store1.username(), store1.password(),
                        victimId)) {
                    // Mosquitto lets it in under its own name instead (use_username_as_clientid).
                    assertTrue(attacker.connected());
                } catch (MqttException refused) {
                    // The embedded broker refuses the connection.
                }
            }
            assertTrue(storeVictim.publish(topics.status("0102"), "still here"));
            assertEquals(topics.status("0102"), awaitOn(hqVictim, topics.status("0102")), "HQ is still connected");
            assertTrue(hqVictim.publish(topics.ack("0102"), "still here"));
            assertEquals(topics.ack("0102"), awaitOn(storeVictim, topics.ack("0102")),
                    "store 0102 is still connected");
            assertEquals(1, hqVictim.disconnections.getCount() * storeVictim.disconnections.getCount(),
                    "neither was disconnected");
        }
    }

    private static String awaitOn(BrokerClient client, String topic) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            BrokerClient.Received next = client.next(100);
            if (next != null && next.topic().equals(topic)) {
                return next.topic();
            }
        }
        return null;
    }

    /**
     * Reads {@code client}'s messages up to the marker sent last on {@code markerTopic}, failing on any that
     * {@code forbidden} accepts: the marker's arrival, not time passing, says everything sent before it is in.
     */
    private static void assertNothingBeforeMarker(BrokerClient client, String markerTopic,
            Predicate<BrokerClient.Received> forbidden) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            BrokerClient.Received next = client.next(100);
            if (next == null) {
                continue;
            }
            assertFalse(forbidden.test(next), "came through: " + next.topic() + " " + next.text());
            if (next.topic().equals(markerTopic) && next.text().equals("marker")) {
                return;
            }
        }
        throw new AssertionError("the marker on " + markerTopic + " never arrived");
    }
}
