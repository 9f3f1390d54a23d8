package io.chainretail.agent.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.chainretail.agent.staff.StaffRoster;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.security.PasswordHasher;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.StaffList;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HQ's staff list for this store, as it arrives on the store's sync/reply topic: its people sign in at the
 * tills with their PINs (checked against HQ's hashes), an inactive one cannot, a manager from HQ approves,
 * the demo ids of agent.cashiers still work, and an older list or another store's is not taken.
 */
@QuarkusTest
class TillStaffFromHqTest {

    @Inject
    FeedSubscriber subscriber;

    @Inject
    StaffRoster roster;

    private final SyncCodec codec = new SyncCodec();

    @Test
    void hqsStaffSignInAtTheTills() throws Exception {
        long version = System.currentTimeMillis();
        deliver(new StaffList("0001", version, List.of(
                new StaffList.Member("2001", "li.na", "Li Na", "cashier", PasswordHasher.hash("4321"), true),
                new StaffList.Member("2002", "gone", "Left us", "cashier", PasswordHasher.hash("1111"), false),
                new StaffList.Member("2009", "wang.wei", "Wang Wei", "manager", PasswordHasher.hash("8642"), true))));
        awaitVersion(version);

        signIn("2001", "4321").statusCode(200);
        signIn("2001", "1234").statusCode(401);
        signIn("2002", "1111").statusCode(401);
        signIn("1001", "1234").statusCode(200); // agent.cashiers, for ids HQ has not sent
        given().contentType(ContentType.JSON).body("{\"id\":\"2009\",\"pin\":\"8642\"}").post("/api/manager/signin")
                .then().statusCode(200).body("manager", equalTo("2009"));
        given().contentType(ContentType.JSON).body("{\"id\":\"2001\",\"pin\":\"4321\"}").post("/api/manager/signin")
                .then().statusCode(403).body("code", equalTo("NOT_A_MANAGER"));

        assertFalse(roster.accept(new StaffList("0001", version - 1, List.of())), "an older list is ignored");
        long rejected = subscriber.rejectedCount();
        deliver(new StaffList("0002", version + 1, List.of()));
        assertEquals(rejected + 1, subscriber.rejectedCount(), "another store's list is rejected on arrival");
        assertEquals(version, roster.version());
        signIn("2001", "4321").statusCode(200);
    }

    private void deliver(StaffList list) {
        subscriber.handle("retail/v1/demo/store/0001/sync/reply", codec.encode(new Envelope<>(MessageSchema.STAFF,
                EventIds.next(), "demo", list.store(), null, null, Instant.now(), list)));
    }

    private void awaitVersion(long version) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (roster.version() != version && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(version, roster.version(), "the list was taken");
    }

    private static io.restassured.response.ValidatableResponse signIn(String id, String pin) {
        return given().contentType(ContentType.JSON).body("{\"cashier\":\"" + id + "\",\"pin\":\"" + pin
                + "\",\"lane\":\"16\"}").post("/api/till/signin").then();
    }
}
