package io.chainretail.hq.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chainretail.core.sync.payload.StoreStatus;
import io.chainretail.core.time.MovableClock;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.feed.OutboxEntry;
import io.chainretail.hq.feed.OutboxRetention;
import io.chainretail.hq.syncstatus.StoreSyncService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What HQ decides by the clock, on a clock the test moves: a lockout ends by itself, a session ends after its
 * timeout without use and lasts while used, a silent store turns offline, published deltas go after the
 * retention.
 */
@QuarkusTest
class TimeBoundTest {

    @Inject
    HqConfig config;
    @Inject
    StoreSyncService sync;
    @Inject
    OutboxRetention retention;

    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void moveTimeByHand() {
        QuarkusMock.installMockForType(clock, InstantSource.class);
    }

    @Test
    void aLockoutEndsByItselfAfterItsTime() {
        String admin = token(signIn("admin", "test-admin-password"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Zhao Lei\",\"role\":\"hq-staff\",\"password\":\"zhao-password-1\"}")
                .put("/api/users/zhao.lei").then().statusCode(200);
        for (int i = 0; i < config.auth().maxFailedSignins(); i++) {
            signIn("zhao.lei", "guess-" + i).statusCode(401);
        }
        signIn("zhao.lei", "zhao-password-1").statusCode(401);
        clock.advance(config.auth().lockout().minusSeconds(1));
        signIn("zhao.lei", "zhao-password-1").statusCode(401);
        clock.advance(Duration.ofSeconds(2));
        signIn("zhao.lei", "zhao-password-1").statusCode(200);
    }

    @Test
    void aSessionLastsWhileUsedAndEndsAfterItsTimeoutWithout() {
        String session = token(signIn("admin", "test-admin-password"));
        Duration timeout = config.auth().sessionTimeout();
        clock.advance(timeout.multipliedBy(3).dividedBy(4));
        me(session).statusCode(200); // past half its time: the timeout starts again from now
        clock.advance(timeout.multipliedBy(3).dividedBy(4));
        me(session).statusCode(200).body("username", equalTo("admin"));
        clock.advance(timeout.plusSeconds(1));
        me(session).statusCode(401);
    }

    @Test
    void aStoreSilentLongerThanAllowedIsOffline() {
        sync.record("T-SILENT", new StoreStatus(StoreStatus.ONLINE, Map.of(), Map.of()), clock.instant());
        assertEquals(StoreStatus.ONLINE, sync.of("T-SILENT").orElseThrow().state());
        clock.advance(config.sync().offlineAfter());
        assertEquals(StoreStatus.ONLINE, sync.of("T-SILENT").orElseThrow().state(), "not yet: exactly the limit");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(StoreStatus.OFFLINE, sync.of("T-SILENT").orElseThrow().state());
    }

    @Test
    void publishedDeltasGoAfterTheRetentionAndNotBefore() {
        Duration kept = config.sync().retention();
        long recent = published(clock.instant().minus(Duration.ofHours(1)));
        long old = published(clock.instant().minus(kept).minusSeconds(1));
        retention.deleteExpired();
        assertNotNull(find(recent), "published an hour ago: kept");
        assertNull(find(old), "published longer ago than the retention: deleted");
        clock.advance(kept);
        retention.deleteExpired();
        assertNull(find(recent));
    }

    private static long published(Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxEntry entry = new OutboxEntry();
            entry.feed = "retention-test";
            entry.seq = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
            entry.eventId = UUID.randomUUID().toString();
            entry.schemaId = "test";
            entry.payload = "{}";
            entry.occurredAt = at;
            entry.publishedAt = at;
            entry.persist();
            return entry.id;
        });
    }

    private static OutboxEntry find(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.findById(id));
    }

    private static ValidatableResponse signIn(String username, String password) {
        return given().contentType(ContentType.JSON).body("{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}").post("/api/auth/signin").then();
    }

    private static String token(ValidatableResponse signedIn) {
        return signedIn.statusCode(200).extract().path("token");
    }

    private static ValidatableResponse me(String token) {
        return given().auth().oauth2(token).get("/api/auth/me").then();
    }
}
