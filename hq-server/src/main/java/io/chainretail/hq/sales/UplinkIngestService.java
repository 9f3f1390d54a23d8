package io.chainretail.hq.sales;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.PriceOverrideChanged;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShelfAlert;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.hq.members.MemberService;
import io.chainretail.hq.pricing.StorePriceOverride;
import io.chainretail.hq.shelves.StoreShelfAlert;
import io.chainretail.hq.stock.StoreStockAdjustment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores each uplinked event exactly once, keyed by its event id: every event in {@code store_event}
 * with its payload, and sales, returns, Z reports and shelf alerts in their own tables for reporting
 * and reconciliation; a sale's points move the member's balance. A completed sale is a fact: it is never
 * refused for its prices (ARCHITECTURE.md section 2); reconciliation flags what looks wrong.
 */
@ApplicationScoped
public class UplinkIngestService {

    /** What became of one event. */
    public enum Outcome { STORED, DUPLICATE }

    private final SyncCodec codec = new SyncCodec();
    private final MemberService members;

    public UplinkIngestService(MemberService members) {
        this.members = members;
    }

    /** Stores one event in its own transaction. */
    @Transactional
    public Outcome record(Envelope<?> envelope) {
        return StoreEvent.findById(envelope.id().toString()) != null ? Outcome.DUPLICATE : store(envelope);
    }

    /**
     * Stores events in one transaction, with one query for the ones already held; the outcomes are in
     * the events' order. An event that appears twice in the list is stored once.
     */
    @Transactional
    public List<Outcome> recordAll(List<Envelope<?>> envelopes) {
        List<String> ids = envelopes.stream().map(e -> e.id().toString()).toList();
        Set<String> held = new HashSet<>(StoreEvent.<StoreEvent>list("eventId in ?1", ids).stream()
                .map(e -> e.eventId).toList());
        List<Outcome> outcomes = new ArrayList<>(envelopes.size());
        for (Envelope<?> envelope : envelopes) {
            outcomes.add(held.add(envelope.id().toString()) ? store(envelope) : Outcome.DUPLICATE);
        }
        return outcomes;
    }

    private Outcome store(Envelope<?> envelope) {
        StoreEvent event = new StoreEvent();
        event.eventId = envelope.id().toString();
        event.storeCode = envelope.store();
        event.kind = envelope.schema().id();
        event.position = envelope.position();
        event.receivedAt = Instant.now();
        event.payload = codec.payloadJson(envelope.payload()); // written once, kept in both rows
        event.persist();
        switch (envelope.schema()) {
            case SALE -> sale(event, envelope.payloadAs(SaleCompleted.class));
            case RETURN -> refund(event, envelope.payloadAs(ReturnCompleted.class));
            case SHIFT_CLOSED -> shiftReport(event, envelope.payloadAs(ShiftClosed.class));
            case SHELF_ALERT -> StoreShelfAlert.record(event.storeCode, envelope.payloadAs(ShelfAlert.class));
            case PRICE_OVERRIDE -> StorePriceOverride.record(event.storeCode,
                    envelope.payloadAs(PriceOverrideChanged.class));
            case STOCK_ADJUSTED -> StoreStockAdjustment.record(event.storeCode,
                    envelope.payloadAs(StockAdjusted.class));
            default -> {
                // no-sales and future events: kept in store_event
            }
        }
        return Outcome.STORED;
    }

    private void sale(StoreEvent event, SaleCompleted payload) {
        Sale sale = new Sale();
        sale.eventId = event.eventId;
        sale.saleId = payload.saleId();
        sale.storeCode = event.storeCode;
        sale.lane = payload.lane();
        sale.receiptNo = payload.receiptNo();
        sale.cashier = payload.cashier();
        sale.totalMinor = payload.totalMinor();
        sale.currency = payload.currency();
        sale.completedAt = payload.completedAt();
        sale.payload = event.payload;
        sale.persist();
        if (payload.member() != null) {
            members.movePoints(payload.member(), payload.pointsEarned() - payload.pointsRedeemed());
        }
    }

    private void refund(StoreEvent event, ReturnCompleted payload) {
        Refund refund = new Refund();
        refund.eventId = event.eventId;
        refund.returnId = payload.returnId();
        refund.kind = payload.kind();
        refund.storeCode = event.storeCode;
        refund.lane = payload.lane();
        refund.receiptNo = payload.receiptNo();
        refund.originalSaleId = payload.originalSaleId();
        refund.totalMinor = payload.totalMinor();
        refund.currency = payload.currency();
        refund.completedAt = payload.completedAt();
        refund.payload = event.payload;
        refund.persist();
        if (payload.member() != null) {
            members.movePoints(payload.member(), payload.pointsRestored() - payload.pointsReversed());
        }
    }

    private void shiftReport(StoreEvent event, ShiftClosed payload) {
        ShiftReport report = new ShiftReport();
        report.eventId = event.eventId;
        report.shiftId = payload.shiftId();
        report.storeCode = event.storeCode;
        report.lane = payload.lane();
        report.zNo = payload.zNo();
        report.closedAt = payload.closedAt();
        report.payload = event.payload;
        report.persist();
    }
}
