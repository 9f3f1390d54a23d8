package io.chainretail.agent.orders;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.mqtt.StoreLink;
import io.chainretail.core.concurrent.PeriodicTask;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.OrderForStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.logging.Logger;

/**
 * Receives the online orders HQ sends this store on its own {@code orders} topic and keeps them
 * ({@link StoreOrders#receive}) on a worker thread of its own, never in the MQTT callback. The worker also expires
 * orders not collected in time, once a minute. A message that is not an order of this chain and store is rejected
 * and counted; HQ sends an order again until the store's journal says it holds it, so one lost here (the agent
 * stopped before keeping it) comes again.
 */
@ApplicationScoped
public class OrderInbox {

    private static final Logger LOG = Logger.getLogger(OrderInbox.class);
    /** How often uncollected orders are looked for. */
    static final Duration EXPIRY_CHECK = Duration.ofMinutes(1);

    private final StoreLink link;
    private final AgentConfig config;
    private final StoreOrders orders;
    private final MeterRegistry metrics;
    private final SyncCodec codec = new SyncCodec();
    private final Queue<OrderForStore> received = new ConcurrentLinkedQueue<>();
    private PeriodicTask worker;

    public OrderInbox(StoreLink link, AgentConfig config, StoreOrders orders, MeterRegistry metrics) {
        this.link = link;
        this.config = config;
        this.orders = orders;
        this.metrics = metrics;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        link.subscribe(link.topics().orders(config.store()), this::handle);
        worker = PeriodicTask.start("online-orders", EXPIRY_CHECK, this::work);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.close();
        }
    }

    /** The MQTT callback: checks and queues the order, and wakes the worker. */
    void handle(String topic, byte[] bytes) {
        try {
            Envelope<?> envelope = codec.decode(bytes);
            if (envelope.schema() != MessageSchema.ORDER || !config.chain().equals(envelope.chain())
                    || !config.store().equals(envelope.store())) {
                throw new MalformedMessageException("not an online order of chain " + config.chain() + " for store "
                        + config.store());
            }
            received.add(envelope.payloadAs(OrderForStore.class));
            worker.wake();
        } catch (MalformedMessageException e) {
            metrics.counter("agent_messages_rejected_total", "topic", "orders").increment();
            LOG.warnf("Rejected message on %s: %s", topic, e.getMessage());
        }
    }

    private void work() {
        for (OrderForStore order = received.poll(); order != null; order = received.poll()) {
            try {
                orders.receive(order);
                metrics.counter("agent_orders_received_total").increment();
            } catch (RuntimeException e) {
                // HQ sends it again until the journal says the store holds it: nothing is lost by letting it go.
                LOG.errorf(e, "Could not keep online order %s; HQ sends it again", order.orderId());
            }
        }
        int expired = orders.expireUncollected();
        if (expired > 0) {
            LOG.infof("%d online orders were not collected in time and expired; their goods are on sale again",
                    expired);
        }
    }
}
