package io.chainretail.hq.sales;

import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SaleCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Stores each uplinked sale exactly once, keyed by its event id. */
@ApplicationScoped
public class SaleIngestService {

    /** What became of one event. */
    public enum Outcome { STORED, DUPLICATE }

    private final SyncCodec codec = new SyncCodec();

    @Transactional
    public Outcome record(Envelope<?> envelope) {
        String eventId = envelope.id().toString();
        if (StoreEvent.findById(eventId) != null) {
            return Outcome.DUPLICATE;
        }
        StoreEvent event = new StoreEvent();
        event.eventId = eventId;
        event.storeCode = envelope.store();
        event.kind = "sale";
        event.position = envelope.position();
        event.receivedAt = Instant.now();
        event.persist();

        SaleCompleted payload = envelope.payloadAs(SaleCompleted.class);
        Sale sale = new Sale();
        sale.eventId = eventId;
        sale.saleId = payload.saleId();
        sale.storeCode = envelope.store();
        sale.lane = payload.lane();
        sale.receiptNo = payload.receiptNo();
        sale.cashier = payload.cashier();
        sale.totalMinor = payload.totalMinor();
        sale.currency = payload.currency();
        sale.completedAt = payload.completedAt();
        sale.payload = codec.payloadJson(payload);
        sale.persist();
        return Outcome.STORED;
    }
}
