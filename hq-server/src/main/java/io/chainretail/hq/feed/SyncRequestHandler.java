package io.chainretail.hq.feed;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SyncRequest;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.mqtt.HqLink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Answers a store's "send me feed F from seq N" with the missing deltas, in order, on the store's
 * {@code sync/reply} topic. Deltas are kept in the outbox, so any gap can be filled.
 */
@ApplicationScoped
public class SyncRequestHandler {

    private static final Logger LOG = Logger.getLogger(SyncRequestHandler.class);
    private static final int PAGE = 1000;

    private final HqLink link;
    private final HqConfig config;
    private final MeterRegistry metrics;
    private final SyncCodec codec = new SyncCodec();

    public SyncRequestHandler(HqLink link, HqConfig config, MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.subscribe("$share/hq/" + link.topics().allSyncRequests(), this::handle);
    }

    void handle(String topic, byte[] bytes) {
        String store = link.topics().storeOf(topic).orElse(null);
        SyncRequest request;
        try {
            Envelope<?> envelope = codec.decode(bytes);
            if (envelope.schema() != MessageSchema.SYNC_REQUEST || !config.chain().equals(envelope.chain())
                    || store == null || !store.equals(envelope.store())) {
                throw new MalformedMessageException("not a sync request of store " + store + " of this chain");
            }
            request = envelope.payloadAs(SyncRequest.class);
            if (!Feeds.ALL.contains(request.feed())) {
                throw new MalformedMessageException("unknown feed " + request.feed());
            }
        } catch (MalformedMessageException e) {
            metrics.counter("hq_messages_rejected_total", "topic", "sync/request").increment();
            LOG.warnf("Rejected sync request on %s: %s", topic, e.getMessage());
            return;
        }
        long from = request.fromSeq();
        List<OutboxEntry> page;
        do {
            long start = from;
            page = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.<OutboxEntry>find(
                    "feed = ?1 and seq >= ?2 order by seq", request.feed(), start).page(0, PAGE).list());
            for (OutboxEntry entry : page) {
                link.publish(link.topics().syncReply(store), Deltas.encode(codec, config.chain(), entry));
                from = entry.seq + 1;
            }
        } while (page.size() == PAGE);
        LOG.debugf("Answered %s sync request for %s from %d", store, request.feed(), request.fromSeq());
    }
}
