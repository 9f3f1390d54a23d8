package io.chainretail.e2e.swarm;

import io.chainretail.e2e.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A thousand stores (or any number) in one JVM, at the protocol level, for load tests of HQ and its broker: each
 * a {@link SwarmStore} with the broker account HQ issued it. They share the MQTT client's few event-loop threads
 * (HiveMQ's client, built on Netty): Paho's client costs three threads per connection. Every second each store
 * sends again what HQ has not acknowledged within {@code resendAfter}, as a store agent does.
 */
public final class StoreSwarm implements AutoCloseable {

    private static final Duration SESSION_EXPIRY = Duration.ofMinutes(10);

    private final List<SwarmStore> stores = new ArrayList<>();
    private final SwarmMeter meter = new SwarmMeter();
    private final ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "swarm-resender");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Describes {@code count} stores at HQ ({@code hqUrl}, signed in), codes from {@code firstCode} up, has HQ issue
     * each its broker account, and connects them to {@code brokerUrl}, at most 50 connecting at once.
     */
    public StoreSwarm(String hqUrl, String chain, String brokerUrl, int firstCode, int count, int catalog,
            Duration resendAfter) throws InterruptedException {
        SaleEvents sales = new SaleEvents(catalog);
        ok(Http.put(hqUrl + "/api/regions/SWARM", "{\"name\":\"Swarm\"}"), "region");
        // Described and given accounts a few at a time: HQ hashes each new password, which takes a while.
        ExecutorService describing = Executors.newFixedThreadPool(4);
        try {
            List<Future<SwarmStore>> described = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String code = String.format("%04d", firstCode + i);
                described.add(describing.submit(() -> describe(hqUrl, chain, brokerUrl, code, sales)));
            }
            for (Future<SwarmStore> store : described) {
                stores.add(store.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            describing.shutdownNow();
        }
        Semaphore connecting = new Semaphore(50);
        List<CompletableFuture<Void>> connected = new ArrayList<>();
        for (SwarmStore store : stores) {
            connecting.acquire();
            connected.add(store.connect(SESSION_EXPIRY).whenComplete((done, error) -> connecting.release()));
        }
        CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).orTimeout(5, TimeUnit.MINUTES).join();
        resender.scheduleWithFixedDelay(() -> stores.forEach(s -> s.resendOlderThan(resendAfter)), 1, 1,
                TimeUnit.SECONDS);
    }

    private SwarmStore describe(String hqUrl, String chain, String brokerUrl, String code, SaleEvents sales) {
        ok(Http.put(hqUrl + "/api/stores/" + code, "{\"code\":\"" + code + "\",\"name\":\"Swarm " + code
                + "\",\"region\":\"SWARM\",\"timezone\":\"Asia/Shanghai\",\"currency\":\"CNY\",\"lanes\":10}"),
                "store " + code);
        Http.Reply account = Http.post(hqUrl + "/api/broker/credentials/" + code, "");
        ok(account, "broker account of " + code);
        return new SwarmStore(code, chain, brokerUrl, "store-" + code + "@" + chain,
                account.body().path("username").asText(), account.body().path("password").asText(), sales, meter);
    }

    private static void ok(Http.Reply reply, String what) {
        if (reply.status() != 200) {
            throw new IllegalStateException("HQ refused " + what + ": " + reply.status() + " " + reply.body());
        }
    }

    public List<SwarmStore> stores() {
        return stores;
    }

    public SwarmMeter meter() {
        return meter;
    }

    /** Whether every store is connected to its broker. */
    public boolean allConnected() {
        return stores.stream().allMatch(SwarmStore::isConnected);
    }

    /** Events not acknowledged yet, over all stores. */
    public long unacknowledged() {
        return stores.stream().mapToLong(SwarmStore::unacknowledged).sum();
    }

    /** Feed gaps seen, over all stores (a store agent would have had to ask HQ for what it missed). */
    public long gaps() {
        return stores.stream().mapToLong(SwarmStore::gaps).sum();
    }

    /** Events sent again for want of an acknowledgement in time, over all stores. */
    public long resent() {
        return stores.stream().mapToLong(SwarmStore::resent).sum();
    }

    /** Messages the stores could not read, over all stores. */
    public long rejected() {
        return stores.stream().mapToLong(SwarmStore::rejected).sum();
    }

    /** How far each store is in {@code feed}, in store order. */
    public long[] positions(String feed) {
        return stores.stream().mapToLong(s -> s.feed(feed).position()).toArray();
    }

    /** When each store applied its latest delta of {@code feed} ({@link System#nanoTime}), in store order. */
    public long[] lastApplied(String feed) {
        return stores.stream().mapToLong(s -> s.feed(feed).lastAppliedNanos()).toArray();
    }

    @Override
    public void close() {
        resender.shutdownNow();
        CompletableFuture.allOf(stores.stream().map(SwarmStore::disconnect).toArray(CompletableFuture[]::new))
                .orTimeout(1, TimeUnit.MINUTES).exceptionally(error -> null).join();
    }
}
