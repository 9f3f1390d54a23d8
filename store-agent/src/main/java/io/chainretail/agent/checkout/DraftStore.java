package io.chainretail.agent.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.concurrent.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Keeps open and suspended baskets in the store's database. What is saved is what the cashier did
 * (codes, quantities, weights, voids, member, coupons), never prices: a restored basket is priced
 * again from the replica like any other.
 *
 * <p>Saving is write-behind: a change is queued and one writer thread commits every queued basket
 * every quarter second, so a scan never waits for a commit (it was half the time of a scan). A machine
 * that dies may lose the last quarter second of an open basket's changes; completed sales are committed
 * before the till hears of them and are never affected.
 */
@ApplicationScoped
public class DraftStore {

    private static final Logger LOG = Logger.getLogger(DraftStore.class);
    /**
     * How often queued baskets are committed. Committing at every scan cost the scan about a third of its
     * time on a two-core store server (the commit ran beside the request); every quarter second, one
     * commit takes every lane's changes since.
     */
    private static final Duration WRITE_EVERY = Duration.ofMillis(250);

    /** A saved basket. */
    public record Saved(String saleId, String lane, String cashier, boolean suspended, String memberCard,
            List<String> coupons, List<SavedLine> lines) {
    }

    /** A saved line. */
    public record SavedLine(int lineNo, String code, String sku, long quantity, Long labelPriceMinor,
            Long weightGrams, boolean voided) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Catalog catalog;
    /** The latest unwritten state of each basket. */
    private final Map<String, Saved> queued = new ConcurrentHashMap<>();
    /** Held while queued baskets are written, so {@link #forget} can wait a write out. */
    private final ReentrantLock writing = new ReentrantLock();
    /** The baskets of the write in progress. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private PeriodicTask writer;

    public DraftStore(Catalog catalog, MeterRegistry metrics) {
        this.catalog = catalog;
        // Baskets changed and not yet on disk: 0 once every change made so far is (what a test waits for).
        metrics.gauge("agent_baskets_unwritten", this, store -> store.queued.size() + store.inFlight.size());
    }

    void onStart(@Observes StartupEvent event) {
        writer = PeriodicTask.start("basket-writer", WRITE_EVERY, this::flush);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (writer != null) {
            writer.close();
        }
        flush();
    }

    /** Queues the basket's current state to be written; the caller holds the draft's lock. */
    void save(SaleDraft draft) {
        if (draft.closed) {
            return; // completed while this change waited for the lock: nothing to keep
        }
        queued.put(draft.saleId, new Saved(draft.saleId, draft.lane, draft.cashier, draft.suspended,
                draft.member == null ? null : draft.member.cardNo(), List.copyOf(draft.coupons),
                draft.lines.stream().map(l -> new SavedLine(l.lineNo, l.code, l.item.sku(), l.quantity,
                        l.labelPriceMinor, l.weightGrams, l.voided)).toList()));
        if (writer == null) {
            flush(); // before start-up completes (restoring baskets)
        }
    }

    /** Writes every queued basket in one transaction; a failed write stays queued for the next round. */
    public void flush() {
        writing.lock();
        try {
            if (queued.isEmpty()) {
                return;
            }
            List<Saved> batch = new ArrayList<>();
            for (String saleId : List.copyOf(queued.keySet())) {
                inFlight.add(saleId); // before taking it: see forget
                Saved saved = queued.remove(saleId);
                if (saved != null) {
                    batch.add(saved);
                } else {
                    inFlight.remove(saleId);
                }
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> batch.forEach(this::write));
            } catch (RuntimeException e) {
                batch.forEach(saved -> queued.putIfAbsent(saved.saleId(), saved));
                throw e;
            } finally {
                inFlight.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    /**
     * Drops the basket's queued state and waits out a write of it in progress, so that once its row is
     * deleted it cannot come back. The caller holds the draft's lock, so nothing new of it is queued.
     * A write of other baskets is not waited for: a completing sale does not queue behind them.
     */
    void forget(String saleId) {
        // Removed from the queue before the look at the write in progress: a write that starts after
        // this cannot take the basket, and one that has taken it has put it in flight first.
        queued.remove(saleId);
        if (inFlight.contains(saleId)) {
            writing.lock();
            writing.unlock();
        }
    }

    private void write(Saved saved) {
        OpenSale row = OpenSale.findById(saved.saleId());
        if (row == null) {
            row = new OpenSale();
            row.saleId = saved.saleId();
        }
        row.lane = saved.lane();
        row.cashier = saved.cashier();
        row.suspended = saved.suspended();
        row.updatedAt = Instant.now();
        try {
            row.payload = json.writeValueAsString(saved);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot save basket " + saved.saleId(), e);
        }
        row.persist();
    }

    /** Forgets a basket; joins the caller's transaction, so completing a sale and this are one. */
    @Transactional(Transactional.TxType.REQUIRED)
    void delete(String saleId) {
        OpenSale.deleteById(saleId);
    }

    /** Every saved basket, rebuilt from the replica; a line whose product is gone is left out and logged. */
    @Transactional
    List<SaleDraft> loadAll() {
        List<SaleDraft> drafts = new ArrayList<>();
        for (OpenSale row : OpenSale.<OpenSale>listAll()) {
            try {
                drafts.add(rebuild(json.readValue(row.payload, Saved.class)));
            } catch (JsonProcessingException e) {
                LOG.errorf("Saved basket %s is unreadable and was not restored: %s", row.saleId, e.getMessage());
            }
        }
        return drafts;
    }

    private SaleDraft rebuild(Saved saved) {
        SaleDraft draft = new SaleDraft(saved.saleId(), saved.lane(), saved.cashier());
        draft.suspended = saved.suspended();
        draft.coupons.addAll(saved.coupons());
        if (saved.memberCard() != null) {
            draft.member = catalog.member(saved.memberCard()).orElse(null);
        }
        String tier = draft.member == null ? null : draft.member.tier();
        for (SavedLine line : saved.lines()) {
            Optional<Catalog.Item> item = catalog.item(line.sku(), tier);
            if (item.isEmpty()) {
                LOG.warnf("Basket %s line %d: %s is no longer on sale and was left out", saved.saleId(), line.lineNo(),
                        line.sku());
                continue;
            }
            SaleDraft.Line restored = new SaleDraft.Line(line.lineNo(), line.code(), item.get(), line.quantity(),
                    line.labelPriceMinor(), line.weightGrams());
            restored.voided = line.voided();
            draft.lines.add(restored);
            draft.currency = item.get().currency();
        }
        return draft;
    }
}
