package io.chainretail.agent.shelves;

import io.chainretail.agent.AgentConfig;
import io.chainretail.agent.stock.StockLedger;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.ShelfAlert;
import io.chainretail.devices.shelf.ShelfReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Raises and clears the store manager's shelf alerts from what the shelves count:
 * <ul>
 * <li>LOW_STOCK while a slot is at or below its low-stock level;</li>
 * <li>DISCREPANCY when a slot's count and the stock ledger's units on hand differ by more than
 * {@code agent.shelf-alerts.tolerance} for longer than {@code discrepancy-after} (a customer walking
 * to the till with the goods, or a delivery being shelved, is not one). It assumes the slot holds the
 * store's stock of its product, as smart shelves do for the goods worth weighing.</li>
 * </ul>
 * Each alert is raised once and cleared once, each time with a journal event for HQ in the same
 * transaction.
 */
@ApplicationScoped
public class ShelfAlerts {

    private static final Logger LOG = Logger.getLogger(ShelfAlerts.class);

    private final AgentConfig.ShelfAlerts settings;
    private final StockLedger stock;
    private final Journal journal;
    /** Since when each slot's count and the books have disagreed; only in memory (a restart waits again). */
    private final Map<String, Instant> disagreeingSince = new ConcurrentHashMap<>();

    public ShelfAlerts(AgentConfig config, StockLedger stock, Journal journal) {
        this.settings = config.shelfAlerts();
        this.stock = stock;
        this.journal = journal;
    }

    /** Checks one shelf's current readings. */
    @Transactional
    public void check(List<ShelfReading> readings, Instant now) {
        for (ShelfReading reading : readings) {
            update(reading, ShelfAlert.Kind.LOW_STOCK, reading.low(), null, now);
            long book = stock.onHand(reading.sku()).quantity();
            String key = reading.shelf() + "/" + reading.slot();
            boolean disagree = Math.abs(reading.units() - book) > settings.tolerance();
            if (disagree) {
                Instant since = disagreeingSince.computeIfAbsent(key, k -> now);
                disagree = !since.plus(settings.discrepancyAfter()).isAfter(now);
            } else {
                disagreeingSince.remove(key);
            }
            update(reading, ShelfAlert.Kind.DISCREPANCY, disagree, book, now);
        }
    }

    /** Alerts, newest first; only those not cleared when {@code open}. */
    @Transactional
    public List<ShelfAlertRecord> list(boolean open) {
        return open ? ShelfAlertRecord.list("clearedAt is null order by raisedAt desc")
                : ShelfAlertRecord.list("order by raisedAt desc");
    }

    private void update(ShelfReading reading, ShelfAlert.Kind kind, boolean alerting, Long book, Instant now) {
        Optional<ShelfAlertRecord> open = ShelfAlertRecord.find("shelf = ?1 and slot = ?2 and kind = ?3 "
                + "and clearedAt is null", reading.shelf(), reading.slot(), kind).firstResultOptional();
        if (alerting && open.isEmpty()) {
            ShelfAlertRecord alert = new ShelfAlertRecord();
            alert.alertId = EventIds.next().toString();
            alert.kind = kind;
            alert.shelf = reading.shelf();
            alert.slot = reading.slot();
            alert.sku = reading.sku();
            alert.shelfUnits = reading.units();
            alert.bookUnits = book;
            alert.raisedAt = now;
            alert.persist();
            publish(alert, ShelfAlert.State.RAISED, now);
            LOG.warnf("Shelf %s slot %d (%s): %s, %d on the shelf%s", alert.shelf, alert.slot, alert.sku, kind,
                    alert.shelfUnits, book == null ? "" : ", " + book + " in the books");
        } else if (!alerting && open.isPresent()) {
            ShelfAlertRecord alert = open.get();
            alert.clearedAt = now;
            alert.shelfUnits = reading.units();
            alert.bookUnits = book;
            publish(alert, ShelfAlert.State.CLEARED, now);
        }
    }

    private void publish(ShelfAlertRecord alert, ShelfAlert.State state, Instant now) {
        journal.append("shelf-alert", MessageSchema.SHELF_ALERT, new ShelfAlert(alert.alertId, alert.kind, state,
                alert.shelf, alert.slot, alert.sku, alert.shelfUnits, alert.bookUnits, now), now);
    }
}
