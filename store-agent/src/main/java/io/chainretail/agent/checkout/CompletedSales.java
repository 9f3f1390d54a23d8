package io.chainretail.agent.checkout;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.receipt.ReceiptDocuments;
import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.stock.StockLedger;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.agent.uplink.JournalEntry;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.SaleCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Books a completed sale, in the caller's transaction: the store's copy with its receipt text, the stock it
 * moves, and its journal event for HQ (which the print spooler follows to print the receipt). A sale rung up at
 * the till and an online order handed over there are booked alike.
 */
@ApplicationScoped
public class CompletedSales {

    /** The booked sale and its journal entry. */
    public record Booked(CompletedSale sale, JournalEntry journaled) {
    }

    private final AgentConfig config;
    private final Catalog catalog;
    private final StockLedger stock;
    private final Journal journal;
    private final SyncCodec codec = new SyncCodec();

    public CompletedSales(AgentConfig config, Catalog catalog, StockLedger stock, Journal journal) {
        this.config = config;
        this.catalog = catalog;
        this.stock = stock;
        this.journal = journal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Booked book(SaleCompleted event, String shiftId) {
        CompletedSale sale = new CompletedSale();
        sale.saleId = event.saleId();
        sale.lane = event.lane();
        sale.receiptNo = event.receiptNo();
        sale.shiftId = shiftId;
        sale.cashier = event.cashier();
        sale.totalMinor = event.totalMinor();
        sale.changeMinor = event.changeMinor();
        sale.currency = event.currency();
        sale.completedAt = event.completedAt();
        sale.receiptText = ReceiptDocuments.preview(ReceiptDocuments.sale(config.store(), catalog.store().zone(),
                event));
        sale.payload = codec.payloadJson(event);
        sale.persist();
        stock.moveAll(event.lines().stream().map(line -> new StockLedger.Move(line.sku(), -line.quantity(),
                line.weightGrams() == null ? null : -line.weightGrams())).toList(), "SALE", event.saleId());
        return new Booked(sale, journal.append("sale", MessageSchema.SALE, event, sale.payload,
                event.completedAt()));
    }
}
