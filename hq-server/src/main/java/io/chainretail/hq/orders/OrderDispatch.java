package io.chainretail.hq.orders;

import io.chainretail.core.concurrent.DaemonThreads;
import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.hq.HqConfig;
import io.chainretail.hq.cluster.Leadership;
import io.chainretail.hq.mqtt.HqLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends each online order to its store, on the store's own {@code orders} topic (QoS 1, readable by that store's
 * account only), at once when it is placed or changed, and again every {@link #RESEND_AFTER} while the store is
 * online until its journal reports holding that version of it ({@link OrderProgressBook}). So an order reaches a
 * store that was offline, or whose broker lost it, and the store keeps it exactly once (by order id and version).
 */
@ApplicationScoped
public class OrderDispatch {

    private static final Logger LOG = Logger.getLogger(OrderDispatch.class);
    /** How long an order waits for the store's word before it is sent again. */
    static final Duration RESEND_AFTER = Duration.ofSeconds(10);
    /** How many orders one round sends again at most. */
    private static final int ROUND = 500;

    private final HqLink link;
    private final HqConfig config;
    private final Leadership leadership;
    private final InstantSource clock;
    private final SyncCodec codec = new SyncCodec();
    private final ExecutorService sending = Executors.newSingleThreadExecutor(DaemonThreads.named("order-dispatch"));
    private final Counter sent;
    private PeriodicTask resend;

    public OrderDispatch(HqLink link, HqConfig config, Leadership leadership, InstantSource clock,
            MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.leadership = leadership;
        this.clock = clock;
        this.sent = metrics.counter("hq_orders_sent_total");
    }

    void onStart(@Observes StartupEvent event) {
        resend = leadership.whileLeading("order-resend", RESEND_AFTER, this::resendUnheard);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (resend != null) {
            resend.close();
        }
        sending.shutdownNow();
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderCentre.Changed changed) {
        sending.execute(() -> send(List.of(changed.orderId())));
    }

    /**
     * Sends again every order its store has not reported holding for {@link #RESEND_AFTER}, to the stores that are
     * online: an offline store's broker session would only pile up copies (Mosquitto keeps 1,000 at most); its
     * orders go again within a round of its coming back.
     */
    void resendUnheard() {
        Instant now = clock.instant();
        List<String> unheard = QuarkusTransaction.requiringNew().call(() -> OnlineOrder.<OnlineOrder>find(
                "storeVersion < version and (lastSentAt is null or lastSentAt < ?1) and storeCode in (select"
                + " p.storeCode from StorePresence p where p.state = 'online' and p.lastSeenAt >= ?2)"
                + " order by placedAt", now.minus(RESEND_AFTER), now.minus(config.sync().offlineAfter()))
                .page(0, ROUND).stream().map(order -> order.orderId).toList());
        send(unheard);
    }

    private void send(List<String> orderIds) {
        for (String orderId : orderIds) {
            try {
                Outgoing outgoing = QuarkusTransaction.requiringNew().call(() -> outgoing(orderId));
                if (outgoing == null) {
                    continue;
                }
                byte[] message = codec.encode(new Envelope<>(MessageSchema.ORDER, EventIds.next(), config.chain(),
                        outgoing.store(), null, null, clock.instant(), outgoing.order()));
                link.publish(link.topics().orders(outgoing.store()), message)
                        .thenRunAsync(() -> brokerHas(orderId), sending);
                sent.increment();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not send order %s to its store; sending it again within %d s", orderId,
                        RESEND_AFTER.toSeconds());
            }
        }
    }

    private record Outgoing(String store, OrderForStore order) {
    }

    private Outgoing outgoing(String orderId) {
        OnlineOrder order = OnlineOrder.findById(orderId);
        if (order == null || order.storeVersion >= order.version) {
            return null;
        }
        order.lastSentAt = clock.instant();
        return new Outgoing(order.storeCode, order.forStore(OrderLine.of(orderId)));
    }

    /** A broker took the order for its store: a placed order is sent to the store now. */
    private void brokerHas(String orderId) {
        QuarkusTransaction.requiringNew().run(() -> {
            OnlineOrder order = OnlineOrder.findById(orderId);
            if (order != null && order.state == OrderState.PLACED) {
                order.state = OrderState.SENT_TO_STORE;
                OrderChange.record(orderId, OrderState.SENT_TO_STORE, "hq", clock.instant(),
                        "on the store's orders topic");
            }
        });
    }
}
