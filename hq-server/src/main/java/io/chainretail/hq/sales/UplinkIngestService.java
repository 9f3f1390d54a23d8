package io.chainretail.hq.sales;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.PriceOverrideChanged;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShelfAlert;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.hq.jdbc.BulkSql;
import io.chainretail.hq.members.MemberService;
import io.chainretail.hq.pricing.StorePriceOverride;
import io.chainretail.hq.shelves.StoreShelfAlert;
import io.chainretail.hq.stock.StoreStockAdjustment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private final MemberService members;
    private final EntityManager entities;
    private final BulkSql sql;

    public UplinkIngestService(MemberService members, EntityManager entities) {
        this.members = members;
        this.entities = entities;
        this.sql = new BulkSql(entities);
    }

    /** Stores one event in its own transaction. */
    @Transactional
    public Outcome record(SyncCodec.UplinkEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    /**
     * Stores events in one transaction, with one query for the ones already held; the outcomes are in
     * the events' order. An event that appears twice in the list is stored once. The two rows every sale
     * writes go in as JDBC batches: a store's backlog arrives thousands at a time, and per-entity inserts
     * held HQ's ingest to a third of what the database can take.
     */
    @Transactional
    public List<Outcome> recordAll(List<SyncCodec.UplinkEvent> events) {
        Set<String> held = new HashSet<>(sql.matching("select event_id from store_event where event_id = any(?)",
                events.stream().map(e -> e.envelope().id().toString()).toList()));
        List<Received> fresh = new ArrayList<>(events.size());
        List<Outcome> outcomes = new ArrayList<>(events.size());
        for (SyncCodec.UplinkEvent event : events) {
            boolean isNew = held.add(event.envelope().id().toString());
            if (isNew) {
                fresh.add(new Received(event.envelope(), event.payloadJson()));
            }
            outcomes.add(isNew ? Outcome.STORED : Outcome.DUPLICATE);
        }
        store(fresh);
        return outcomes;
    }

    /** An event to store, with its payload's text as the store sent it, kept in both its rows. */
    private record Received(Envelope<?> envelope, String payload) {

        String eventId() {
            return envelope.id().toString();
        }

        String store() {
            return envelope.store();
        }
    }

    private void store(List<Received> events) {
        Instant now = Instant.now();
        sql.run("insert into store_event (event_id, store_code, kind, position, received_at, payload)"
                + " values (?, ?, ?, ?, ?, ?)", events, (row, event) -> {
                    row.setString(1, event.eventId());
                    row.setString(2, event.store());
                    row.setString(3, event.envelope().schema().id());
                    row.setLong(4, event.envelope().position());
                    row.setObject(5, now.atOffset(ZoneOffset.UTC));
                    row.setString(6, event.payload());
                });
        List<Received> sales = events.stream().filter(e -> e.envelope().schema() == MessageSchema.SALE).toList();
        sql.run("insert into sale (event_id, sale_id, store_code, lane, receipt_no, cashier, total_minor, currency,"
                + " completed_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sales, (row, event) -> {
                    SaleCompleted sale = event.envelope().payloadAs(SaleCompleted.class);
                    row.setString(1, event.eventId());
                    row.setString(2, sale.saleId());
                    row.setString(3, event.store());
                    row.setString(4, sale.lane());
                    row.setLong(5, sale.receiptNo());
                    row.setString(6, sale.cashier());
                    row.setLong(7, sale.totalMinor());
                    row.setString(8, sale.currency());
                    row.setObject(9, sale.completedAt().atOffset(ZoneOffset.UTC));
                    row.setString(10, event.payload());
                });
        for (Received event : events) {
            Envelope<?> envelope = event.envelope();
            switch (envelope.schema()) {
                case SALE -> earnPoints(envelope.payloadAs(SaleCompleted.class));
                case RETURN -> refund(event, envelope.payloadAs(ReturnCompleted.class));
                case SHIFT_CLOSED -> shiftReport(event, envelope.payloadAs(ShiftClosed.class));
                case SHELF_ALERT -> StoreShelfAlert.record(event.store(), envelope.payloadAs(ShelfAlert.class));
                case PRICE_OVERRIDE -> StorePriceOverride.record(event.store(),
                        envelope.payloadAs(PriceOverrideChanged.class));
                case STOCK_ADJUSTED -> StoreStockAdjustment.record(event.store(),
                        envelope.payloadAs(StockAdjusted.class));
                default -> {
                    // no-sales and future events: kept in store_event
                }
            }
        }
    }

    private void earnPoints(SaleCompleted sale) {
        if (sale.member() != null) {
            members.movePoints(sale.member(), sale.pointsEarned() - sale.pointsRedeemed());
        }
    }

    private void refund(Received event, ReturnCompleted payload) {
        Refund refund = new Refund();
        refund.eventId = event.eventId();
        refund.returnId = payload.returnId();
        refund.kind = payload.kind();
        refund.storeCode = event.store();
        refund.lane = payload.lane();
        refund.receiptNo = payload.receiptNo();
        refund.originalSaleId = payload.originalSaleId();
        refund.totalMinor = payload.totalMinor();
        refund.currency = payload.currency();
        refund.completedAt = payload.completedAt();
        refund.payload = event.payload();
        refund.persist();
        if (payload.member() != null) {
            members.movePoints(payload.member(), payload.pointsRestored() - payload.pointsReversed());
        }
    }

    private void shiftReport(Received event, ShiftClosed payload) {
        ShiftReport report = new ShiftReport();
        report.eventId = event.eventId();
        report.shiftId = payload.shiftId();
        report.storeCode = event.store();
        report.lane = payload.lane();
        report.zNo = payload.zNo();
        report.closedAt = payload.closedAt();
        report.payload = event.payload();
        report.persist();
    }
}
