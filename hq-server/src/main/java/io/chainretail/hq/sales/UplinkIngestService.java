package io.chainretail.hq.sales;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.OrderProgress;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.PriceOverrideChanged;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShelfAlert;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.hq.jdbc.BulkSql;
import io.chainretail.hq.members.MemberService;
import io.chainretail.hq.orders.OnlineReturns;
import io.chainretail.hq.orders.OrderProgressBook;
import io.chainretail.hq.pricing.StorePriceOverride;
import io.chainretail.hq.quarantine.UplinkQuarantine;
import io.chainretail.hq.shelves.StoreShelfAlert;
import io.chainretail.hq.stock.StockBook;
import io.chainretail.hq.stock.StoreStockAdjustment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Stores each uplinked event exactly once, keyed by its event id: every event in {@code store_event}
 * with its payload, and sales, returns, Z reports and shelf alerts in their own tables for reporting
 * and reconciliation; a sale's points move the member's balance, and what moves stock moves the store's stock
 * in HQ's {@link StockBook}. A completed sale is a fact: it is never refused for its prices; reconciliation flags
 * what looks wrong.
 *
 * <p>Besides the event id, each fact has business keys ({@link FactKey}), held once per store in a table of
 * their own: a store's journal position, its sale id, return id, shift id, lane and Z number, and lane and
 * receipt number (shared by sales and returns). A second event for a fact already stored, under a new event
 * id, is not a duplicate (that would lose it without a trace) and not a failure (it would be resent for ever):
 * it goes to the {@link UplinkQuarantine}, for an operator to look at.
 */
@ApplicationScoped
public class UplinkIngestService {

    /**
     * What became of one event: each is durable at HQ, so the store is acknowledged and forgets it.
     * QUARANTINED: held aside with the reason, not counted in sales.
     */
    public enum Outcome { STORED, DUPLICATE, QUARANTINED }

    private static final Logger LOG = Logger.getLogger(UplinkIngestService.class);

    private final MemberService members;
    private final UplinkQuarantine quarantine;
    private final StockBook stock;
    private final OrderProgressBook orders;
    private final OnlineReturns onlineReturns;
    private final BulkSql sql;

    public UplinkIngestService(MemberService members, UplinkQuarantine quarantine, StockBook stock,
            OrderProgressBook orders, OnlineReturns onlineReturns, EntityManager entities) {
        this.members = members;
        this.quarantine = quarantine;
        this.stock = stock;
        this.orders = orders;
        this.onlineReturns = onlineReturns;
        this.sql = new BulkSql(entities);
    }

    /**
     * Stores one event in its own transaction after checking every key it could clash on: what the batch
     * path does not check, since it leaves that to the unique indexes and comes here when one fires.
     */
    @Transactional
    public Outcome recordChecked(SyncCodec.UplinkEvent event) {
        Envelope<?> envelope = event.envelope();
        if (!sql.matching("select event_id from store_event where event_id = any(?)",
                List.of(envelope.id().toString())).isEmpty()) {
            return Outcome.DUPLICATE;
        }
        if (quarantine.seenAgain(envelope.id().toString())) {
            return Outcome.QUARANTINED;
        }
        Optional<String> conflict = conflictOf(envelope);
        if (conflict.isPresent()) {
            quarantine.hold(refusal(event, conflict.get()));
            return Outcome.QUARANTINED;
        }
        store(List.of(new Received(envelope, event.payloadJson())));
        return Outcome.STORED;
    }

    /**
     * Stores an event an operator replays from the quarantine, in the caller's transaction: stored, or
     * already stored (a resend got through meanwhile), or still in conflict (the reason).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> replay(SyncCodec.UplinkEvent event) {
        Envelope<?> envelope = event.envelope();
        if (!sql.matching("select event_id from store_event where event_id = any(?)",
                List.of(envelope.id().toString())).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> conflict = conflictOf(envelope);
        if (conflict.isEmpty()) {
            store(List.of(new Received(envelope, event.payloadJson())));
        }
        return conflict;
    }

    /** The event as held in the quarantine, with the reason it is there. */
    private static SyncCodec.RefusedEvent refusal(SyncCodec.UplinkEvent event, String reason) {
        Envelope<?> envelope = event.envelope();
        return new SyncCodec.RefusedEvent(envelope.schema(), envelope.id(), envelope.store(), envelope.position(),
                envelope.occurredAt(), event.payloadJson(), reason);
    }

    /** The first business key of this event that another stored event already holds, said for an operator. */
    private Optional<String> conflictOf(Envelope<?> event) {
        for (FactKey key : FactKey.of(event)) {
            Optional<String> holder = first("select event_id from store_fact_key where store_code = ? and fact_key = ?",
                    event.store(), key.key());
            if (holder.isPresent()) {
                return Optional.of(key.fact() + " is already stored as event " + holder.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> first(String query, Object... parameters) {
        return sql.first(query, parameters);
    }

    /**
     * Stores events in one transaction, with one query for the ones already held; the outcomes are in
     * the events' order. An event that appears twice in the list is stored once. An event that clashes
     * with a stored one on a business key makes its key's insert, and so the whole transaction, fail: the
     * caller then stores the events one by one with {@link #recordChecked}. The two rows every sale
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

    /**
     * Writes the events' rows. A sale's payload is kept once, in its {@code sale} row: most of what a chain stores
     * is sales, and a second copy in {@code store_event} took a third of HQ's database. Every other event keeps
     * its payload in {@code store_event} (the audit trail reads returns, Z reports and manager acts from there).
     */
    private void store(List<Received> events) {
        Instant now = Instant.now();
        sql.run("insert into store_event (event_id, store_code, kind, position, received_at, payload)"
                + " values (?, ?, ?, ?, ?, ?)", events, (row, event) -> {
                    row.setString(1, event.eventId());
                    row.setString(2, event.store());
                    row.setString(3, event.envelope().schema().id());
                    row.setLong(4, event.envelope().position());
                    row.setObject(5, now.atOffset(ZoneOffset.UTC));
                    row.setString(6, event.envelope().schema() == MessageSchema.SALE ? null : event.payload());
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
        List<String[]> keys = events.stream().flatMap(event -> FactKey.of(event.envelope()).stream()
                .map(key -> new String[] {event.store(), key.key(), event.eventId()})).toList();
        sql.run("insert into store_fact_key (store_code, fact_key, event_id) values (?, ?, ?)", keys, (row, key) -> {
            row.setString(1, key[0]);
            row.setString(2, key[1]);
            row.setString(3, key[2]);
        });
        stock.move(events.stream().map(Received::envelope).toList());
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
                case ORDER_PROGRESS -> orders.record(event.store(), envelope.payloadAs(OrderProgress.class))
                        .ifPresent(problem -> LOG.warnf("Store %s reported %s: kept, but it moves no order (%s)",
                                event.store(), event.eventId(), problem));
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
        onlineReturns.record(event.store(), payload);
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
