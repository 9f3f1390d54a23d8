package io.chainretail.agent.sync;

import static io.chainretail.agent.sync.MemberSnapshots.member;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.agent.Await;
import io.chainretail.agent.TestReplica;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.Topics;
import io.chainretail.core.sync.payload.SyncDeltas;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HQ can publish faster than a store writes (a catalog import of hundreds of thousands of products): what
 * cannot wait within {@link FeedSubscriber#MAX_WAITING} is dropped and counted, not kept on the heap, and the
 * same deltas sent again, as HQ answers the store's request for them, are applied.
 */
@QuarkusTest
class DeltaFloodTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FeedSubscriber subscriber;

    @Inject
    FeedApplier applier;

    private final SyncCodec codec = new SyncCodec();
    private final Topics topics = new Topics("demo");

    /** The tills' test replica is in first, whatever ran before: these tests move the members feed past it. */
    @BeforeEach
    void replicaIsSetUp() {
        TestReplica.ensure(applier);
    }

    @Test
    void deltasPastTheQueueAreDroppedAndTakenWhenSentAgain() throws Exception {
        long from = applier.lastApplied().get("members") + 1;
        int flood = FeedSubscriber.MAX_WAITING + 1;
        List<SyncDeltas.Delta> deltas = new ArrayList<>(flood);
        for (int i = 0; i < flood; i++) {
            deltas.add(new SyncDeltas.Delta(from + i, EventIds.next(), MessageSchema.MEMBER.id(), Instant.now(),
                    JSON.valueToTree(member(String.format("F%05d", i), i))));
        }
        long droppedBefore = subscriber.droppedDeltas();

        subscriber.handle(topics.syncReply("0001"), reply(deltas));
        assertEquals(droppedBefore + flood, subscriber.droppedDeltas(), "one message over the queue is dropped whole");

        for (int start = 0; start < flood; start += 2_000) {
            subscriber.handle(topics.syncReply("0001"), reply(deltas.subList(start, Math.min(flood, start + 2_000))));
            long last = from + Math.min(flood, start + 2_000) - 1;
            Await.until(() -> applier.lastApplied().get("members") == last, "applied up to " + last);
        }
        assertEquals(droppedBefore + flood, subscriber.droppedDeltas(), "sent again in parts, nothing is dropped");
    }

    private byte[] reply(List<SyncDeltas.Delta> deltas) {
        return codec.encode(new Envelope<>(MessageSchema.SYNC_DELTAS, EventIds.next(), "demo", "0001", null, null,
                Instant.now(), new SyncDeltas("members", deltas)));
    }
}
