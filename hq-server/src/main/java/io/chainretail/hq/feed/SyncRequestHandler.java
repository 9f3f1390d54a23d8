package io.chainretail.hq.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.concurrent.DaemonThreads;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SyncDeltas;
import io.chainretail.core.sync.payload.SyncRequest;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.identity.StaffPublisher;
import io.chainretail.hq.mqtt.HqLink;
import io.chainretail.hq.mqtt.StoreMessages;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Answers a store's "send me feed F from seq N" on the store's {@code sync/reply} topic: with the
 * missing deltas, in order and many per message, while the outbox still holds them; else with a
 * chunked snapshot whose checksum is the feed's replica hash (docs/sync-protocol.md). {@link SyncReplies}
 * sends the answer as fast as the store writes it.
 */
@ApplicationScoped
public class SyncRequestHandler {

    private static final Logger LOG = Logger.getLogger(SyncRequestHandler.class);

    private final HqLink link;
    private final HqConfig config;
    private final MeterRegistry metrics;
    private final FeedRows feedRows;
    private final FeedSnapshots snapshots;
    private final SyncReplies replies;
    private final StaffPublisher staff;
    private final SyncCodec codec = new SyncCodec();
    /** Answers are built and sent off the MQTT thread, two at a time: a store asks for every feed at once. */
    private final ExecutorService answering = Executors.newFixedThreadPool(2, DaemonThreads.named("sync-answers"));

    public SyncRequestHandler(HqLink link, HqConfig config, MeterRegistry metrics, FeedRows feedRows,
            FeedSnapshots snapshots, SyncReplies replies, StaffPublisher staff) {
        this.replies = replies;
        this.staff = staff;
        this.link = link;
        this.config = config;
        this.metrics = metrics;
        this.feedRows = feedRows;
        this.snapshots = snapshots;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.subscribe("$share/hq/" + link.topics().allSyncRequests(), this::handle);
    }

    void handle(String topic, byte[] bytes) {
        String store;
        SyncRequest request;
        try {
            StoreMessages.Received<SyncRequest> received = link.storeMessages().read(topic, bytes,
                    MessageSchema.SYNC_REQUEST, SyncRequest.class);
            store = received.store();
            request = received.payload();
            if (StaffPublisher.FEED.equals(request.feed())) {
                staff.send(store);
                return;
            }
            if (!Feeds.ALL.contains(request.feed())) {
                throw new MalformedMessageException("unknown feed " + request.feed());
            }
        } catch (MalformedMessageException e) {
            metrics.counter("hq_messages_rejected_total", "topic", "sync/request").increment();
            LOG.warnf("Rejected sync request on %s: %s", topic, e.getMessage());
            return;
        }
        answerSoon(store, request);
    }

    /** Builds and sends the answer to {@code request} off the caller's thread. */
    void answerSoon(String store, SyncRequest request) {
        answering.execute(() -> {
            try {
                answer(store, request);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not answer %s's sync request for %s from %d; it will ask again", store,
                        request.feed(), request.fromSeq());
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        answering.shutdownNow();
    }

    /**
     * Answers with the deltas from {@code from} on; or with a snapshot when some of them are past the
     * retention, or when they outnumber {@code hq.sync.snapshot-ratio} times the feed's rows.
     */
    private void answer(String store, SyncRequest request) {
        String feed = request.feed();
        long from = request.fromSeq();
        long last = QuarkusTransaction.requiringNew().call(() -> FeedSequence.<FeedSequence>findById(feed).lastSeq);
        if (from > last) {
            return;
        }
        Long oldest = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.find(
                "select min(seq) from OutboxEntry where feed = ?1", feed).project(Long.class).firstResult());
        boolean retained = oldest != null && oldest <= from;
        long missing = last - from + 1;
        if (!retained || missing > config.sync().snapshotRatio() * feedRows.count(feed)) {
            FeedSnapshot snapshot = snapshots.take(feed);
            SnapshotStream stream = new SnapshotStream(store, snapshot, EventIds.next(), config.sync().snapshotChunk(),
                    request.window());
            metrics.counter("hq_sync_replies_total", "kind", "snapshot").increment();
            LOG.infof("Sending %s a snapshot of %s at %d (%d rows in %d chunks): %s", store, feed, snapshot.asOfSeq(),
                    snapshot.rows().size(), stream.chunks(), retained ? missing + " deltas missing, cheaper as a "
                            + "snapshot" : "deltas from " + from + " are past the retention");
            replies.start(stream);
        } else {
            metrics.counter("hq_sync_replies_total", "kind", "deltas").increment();
            LOG.debugf("Sending %s the deltas of %s from %d to %d", store, feed, from, last);
            replies.start(new DeltaStream(store, feed, from, last, config.sync().replyBatch(), request.window(),
                    this::deltas));
        }
    }

    /**
     * The deltas {@code from} to {@code to} (exclusive) of a feed. A feed's sequence numbers have no holes, so a
     * batch is read as a range of the (feed, seq) index: asked as "from N on, first 500", H2 sorted every
     * remaining delta for each batch, and 50,000 deltas took HQ ten seconds.
     */
    private List<SyncDeltas.Delta> deltas(String feed, long from, long to) {
        List<OutboxEntry> page = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find(
                "feed = ?1 and seq >= ?2 and seq < ?3 order by seq", feed, from, to).list());
        return page.stream().map(entry -> new SyncDeltas.Delta(entry.seq, UUID.fromString(entry.eventId),
                entry.schemaId, entry.occurredAt, readTree(entry))).toList();
    }

    private JsonNode readTree(OutboxEntry entry) {
        MessageSchema schema = MessageSchema.byId(entry.schemaId)
                .orElseThrow(() -> new IllegalStateException("outbox holds unknown schema " + entry.schemaId));
        try {
            return codec.payloadTree(codec.readPayload(entry.payload, schema.payloadType()));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("outbox entry " + entry.id + " is corrupt", e);
        }
    }
}
