package io.chainretail.agent.checkout;

import java.util.Optional;
import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.till.TillSessions.Session;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.gtin.Gtin;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.SaleCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rings up sales at the tills and completes them: the sale, its receipt number and its journal
 * event commit in one transaction, before any receipt is shown or printed.
 */
@ApplicationScoped
public class CheckoutService {

    /** Largest quantity one scan may add; more is almost always a keying mistake. */
    public static final int MAX_QUANTITY = 999;

    private final Catalog catalog;
    private final Journal journal;
    private final AgentConfig config;
    private final Map<String, SaleDraft> drafts = new ConcurrentHashMap<>();

    public CheckoutService(Catalog catalog, Journal journal, AgentConfig config) {
        this.catalog = catalog;
        this.journal = journal;
        this.config = config;
    }

    public SaleView open(Session session) {
        SaleDraft draft = new SaleDraft(EventIds.next().toString(), session.lane(), session.cashier());
        drafts.put(draft.saleId, draft);
        return view(draft);
    }

    public SaleView get(Session session, String saleId) {
        SaleDraft draft = drafts.get(saleId);
        if (draft != null) {
            requireLane(session, draft);
            return view(draft);
        }
        return completed(saleId).orElseThrow(() -> noSale(saleId));
    }

    /** Adds {@code quantity} of the product with barcode {@code code} to an open sale. */
    public SaleView scan(Session session, String saleId, String code, long quantity) {
        SaleDraft draft = openDraft(session, saleId);
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw Refusal.invalid("INVALID_QUANTITY",
                    "Quantity must be between 1 and " + MAX_QUANTITY + ", not " + quantity + ".");
        }
        String barcode = code == null ? "" : code.strip();
        String problem = Gtin.problem(barcode);
        if (problem != null) {
            throw Refusal.invalid("INVALID_BARCODE", "Misread: " + problem + ". Scan again or key it in.");
        }
        Catalog.Item item = catalog.byBarcode(barcode).orElseThrow(() -> Refusal.notFound(
                "UNKNOWN_BARCODE", "No product with barcode " + barcode + " is on sale in this store."));
        synchronized (draft) {
            if (draft.currency != null && !draft.currency.equals(item.currency())) {
                throw Refusal.conflict("CURRENCY_MISMATCH", "This item is priced in " + item.currency()
                        + " but the sale is in " + draft.currency + ".");
            }
            draft.currency = item.currency();
            draft.lines.add(new SaleDraft.Line(item.sku(), barcode, item.name(), quantity, item.priceMinor()));
            return view(draft);
        }
    }

    /**
     * Completes the sale with the given tenders. Completing an already completed sale returns it
     * unchanged, so a till that retries after a timeout never makes two sales.
     */
    public SaleView complete(Session session, String saleId, List<SaleCompleted.Tender> tenders) {
        var done = QuarkusTransaction.requiringNew().call(() -> completed(saleId));
        if (done.isPresent()) {
            return done.get();
        }
        SaleDraft draft = openDraft(session, saleId);
        synchronized (draft) {
            if (draft.lines.isEmpty()) {
                throw Refusal.conflict("EMPTY_SALE", "Scan at least one item before taking payment.");
            }
            long total = draft.total();
            long tendered = tenders.stream().mapToLong(SaleCompleted.Tender::amountMinor).sum();
            long cash = tenders.stream().filter(t -> "CASH".equals(t.type()))
                    .mapToLong(SaleCompleted.Tender::amountMinor).sum();
            if (tendered < total) {
                throw Refusal.invalid("TENDER_TOO_LOW", "Payment of " + tendered
                        + " is less than the total " + total + " (minor units).");
            }
            long change = tendered - total;
            if (change > cash) {
                throw Refusal.invalid("CHANGE_WITHOUT_CASH", "Only cash can be overpaid to give change.");
            }
            SaleView result = QuarkusTransaction.requiringNew().call(() -> commit(draft, tenders, total, change));
            // Only after the commit: a failed commit leaves the sale open at the till to try again.
            drafts.remove(saleId);
            return result;
        }
    }

    private SaleView commit(SaleDraft draft, List<SaleCompleted.Tender> tenders, long total, long change) {
        LaneCounter counter = LaneCounter.findById(draft.lane, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new LaneCounter();
            counter.lane = draft.lane;
            counter.persist();
        }
        counter.lastReceipt++;
        Instant now = Instant.now();
        SaleCompleted event = new SaleCompleted(draft.saleId, draft.lane, counter.lastReceipt, draft.cashier, now,
                draft.currency, draft.lines.stream().map(l -> new SaleCompleted.SaleLine(l.sku(), l.barcode(),
                        l.name(), l.quantity(), l.unitPriceMinor(), l.amountMinor())).toList(),
                total, tenders, change);
        CompletedSale sale = new CompletedSale();
        sale.saleId = draft.saleId;
        sale.lane = draft.lane;
        sale.receiptNo = counter.lastReceipt;
        sale.cashier = draft.cashier;
        sale.totalMinor = total;
        sale.changeMinor = change;
        sale.currency = draft.currency;
        sale.completedAt = now;
        sale.receiptText = ReceiptText.of(config.store(), event);
        sale.persist();
        journal.append("sale", MessageSchema.SALE, event, now);
        return view(sale, event);
    }

    private SaleDraft openDraft(Session session, String saleId) {
        SaleDraft draft = drafts.get(saleId);
        if (draft == null) {
            throw noSale(saleId);
        }
        requireLane(session, draft);
        return draft;
    }

    private static void requireLane(Session session, SaleDraft draft) {
        if (!draft.lane.equals(session.lane())) {
            throw Refusal.forbidden("OTHER_LANE", "This sale belongs to lane " + draft.lane + ".");
        }
    }

    private static Refusal noSale(String saleId) {
        return Refusal.notFound("NO_SUCH_SALE", "There is no open sale " + saleId + ".");
    }

    private Optional<SaleView> completed(String saleId) {
        CompletedSale sale = CompletedSale.findById(saleId);
        if (sale == null) {
            return Optional.empty();
        }
        return Optional.of(new SaleView(sale.saleId, sale.lane, "COMPLETED", List.of(), sale.totalMinor,
                sale.currency, sale.receiptNo, sale.changeMinor, sale.receiptText));
    }

    private static SaleView view(SaleDraft draft) {
        List<SaleView.LineView> lines = draft.lines.stream().map(l -> new SaleView.LineView(l.sku(), l.barcode(),
                l.name(), l.quantity(), l.unitPriceMinor(), l.amountMinor())).toList();
        return new SaleView(draft.saleId, draft.lane, "OPEN", lines, draft.total(), draft.currency, 0, 0, null);
    }

    private static SaleView view(CompletedSale sale, SaleCompleted event) {
        List<SaleView.LineView> lines = event.lines().stream().map(l -> new SaleView.LineView(l.sku(), l.barcode(),
                l.name(), l.quantity(), l.unitPriceMinor(), l.amountMinor())).toList();
        return new SaleView(sale.saleId, sale.lane, "COMPLETED", lines, sale.totalMinor, sale.currency,
                sale.receiptNo, sale.changeMinor, sale.receiptText);
    }
}
