package io.chainretail.hq.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chainretail.core.id.EventIds;
import io.chainretail.core.mqtt.MqttSettings;
import io.chainretail.core.mqtt.PahoMqttLink;
import io.chainretail.core.security.PasswordHasher;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.StaffList;
import io.chainretail.core.sync.payload.SyncRequest;
import io.chainretail.hq.broker.BrokerAccounts;
import io.chainretail.hq.broker.EmbeddedBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Till staff managed at HQ: a cashier (no password: they work only at the till) and a store manager get a
 * till id and PIN; the store receives its own staff list on its sync/reply topic after each change and
 * whenever it asks, with PIN hashes only; bad till ids and PINs are refused.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "hq-admin")
class TillStaffTest {

    @Inject
    EmbeddedBroker broker;

    @Inject
    BrokerAccounts accounts;

    private final SyncCodec codec = new SyncCodec();
    private final Topics topics = new Topics("demo");

    @Test
    void aStoreReceivesItsTillStaffWithPinHashes() throws Exception {
        BlockingQueue<StaffList> lists = new LinkedBlockingQueue<>();
        try (PahoMqttLink store = new PahoMqttLink(MqttSettings.of(broker.url(), "staff-test-" + UUID.randomUUID())
                .withSessionExpiry(Duration.ZERO).withCredentials(accounts.hqUsername(), accounts.hqPassword()))) {
            store.subscribe(topics.syncReply("0031"), (topic, bytes) -> {
                try {
                    Envelope<?> message = codec.decode(bytes);
                    if (message.schema() == MessageSchema.STAFF) {
                        lists.add(message.payloadAs(StaffList.class));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            store.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!store.isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(300);

            given().contentType(ContentType.JSON).body("{\"displayName\":\"Zhou Min\",\"role\":\"cashier\","
                    + "\"store\":\"0031\"}").put("/api/users/zhou.min").then().statusCode(200);
            till("zhou.min", "{\"tillId\":\"3101\",\"pin\":\"12\"}").statusCode(400)
                    .body("code", equalTo("INVALID_PIN"));
            till("zhou.min", "{\"tillId\":\"31a\",\"pin\":\"2468\"}").statusCode(400)
                    .body("code", equalTo("INVALID_TILL_ID"));
            till("test-admin-none", "{\"tillId\":\"3101\",\"pin\":\"2468\"}").statusCode(404);
            till("zhou.min", "{\"tillId\":\"3101\",\"pin\":\"2468\"}").statusCode(200).body("tillId", equalTo("3101"));

            StaffList list = awaitWith(lists, "3101");
            StaffList.Member cashier = list.staff().stream().filter(m -> m.tillId().equals("3101")).findFirst()
                    .orElseThrow();
            assertEquals("cashier", cashier.role());
            assertTrue(PasswordHasher.matches("2468", cashier.pinHash()), "the PIN's hash, never the PIN");

            given().contentType(ContentType.JSON).body("{\"displayName\":\"Gao Jing\",\"role\":\"store-manager\","
                    + "\"store\":\"0031\",\"password\":\"gao-jing-password\"}").put("/api/users/gao.jing").then()
                    .statusCode(200);
            till("gao.jing", "{\"tillId\":\"3101\",\"pin\":\"1357\"}").statusCode(409)
                    .body("code", equalTo("TILL_ID_TAKEN"));
            till("gao.jing", "{\"tillId\":\"3109\",\"pin\":\"1357\"}").statusCode(200);
            assertEquals("manager", awaitWith(lists, "3109").staff().stream()
                    .filter(m -> m.tillId().equals("3109")).findFirst().orElseThrow().role());

            // The store asks (as it does on every connection) and gets the whole list again.
            lists.clear();
            store.publish(topics.syncRequest("0031"), codec.encode(new Envelope<>(MessageSchema.SYNC_REQUEST,
                    EventIds.next(), "demo", "0031", null, null, Instant.now(), new SyncRequest("staff", 1))), false)
                    .get(5, TimeUnit.SECONDS);
            assertEquals(2, awaitWith(lists, "3109").staff().size());
        }
    }

    private static io.restassured.response.ValidatableResponse till(String user, String body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/users/" + user + "/till").then();
    }

    private static StaffList awaitWith(BlockingQueue<StaffList> lists, String tillId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            StaffList list = lists.poll(200, TimeUnit.MILLISECONDS);
            if (list != null && list.staff().stream().anyMatch(m -> m.tillId().equals(tillId))) {
                return list;
            }
        }
        throw new AssertionError("no staff list with till id " + tillId);
    }
}
