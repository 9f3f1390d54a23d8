package io.chainretail.agent.stock;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.id.EventIds;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.sync.payload.StockAdjusted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stock counts (stocktakes) of the whole store or one category. Each product counted is compared with the books at
 * the moment it is counted, so the tills go on selling during a count; the variance report lists each product's
 * difference and its value at the store's price, and the products of the scope that the books hold but nobody
 * counted. Posting moves the ledger by each difference, as a count ({@link StockAdjustments}, journaled for HQ).
 */
@ApplicationScoped
public class StockCounts {

    /** The variance report of a count. */
    public record Report(String countId, String category, StockCount.State state, String openedBy, Instant openedAt,
            List<Line> lines, List<StockLedger.OnHand> notCounted, long varianceUnits, long varianceMinor) {
    }

    /** One product counted, its difference in units and in money at the store's price now. */
    public record Line(String sku, String name, long expected, long counted, long variance, long varianceMinor,
            Instant countedAt) {
    }

    private final StockLedger ledger;
    private final StockAdjustments adjustments;
    private final Catalog catalog;
    private final InstantSource clock;

    public StockCounts(StockLedger ledger, StockAdjustments adjustments, Catalog catalog, InstantSource clock) {
        this.ledger = ledger;
        this.adjustments = adjustments;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Opens a count of {@code category} (null: the whole store); 409 COUNT_OPEN while another is open. */
    @Transactional
    public Report open(String category, String manager) {
        StockCount.<StockCount>find("state", StockCount.State.OPEN).firstResultOptional().ifPresent(open -> {
            throw Refusal.of(ErrorCode.COUNT_OPEN, "Count " + open.countId + " is open: post or cancel it first.");
        });
        StockCount count = new StockCount();
        count.countId = EventIds.next().toString();
        count.category = category == null || category.isBlank() ? null : category.trim();
        count.state = StockCount.State.OPEN;
        count.openedBy = manager;
        count.openedAt = clock.instant();
        count.persist();
        return report(count);
    }

    /**
     * Records what was counted of one product (counting it again replaces it); 404 UNKNOWN_PRODUCT, 422
     * INVALID_QUANTITY, 400 OUTSIDE_COUNT for a product of another category, 409 COUNT_CLOSED.
     */
    @Transactional
    public Report count(String countId, String sku, long counted) {
        StockCount count = open(countId);
        Catalog.Item item = catalog.item(sku, null).orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_PRODUCT,
                "This store does not sell " + sku + "."));
        if (count.category != null && !item.categories().contains(count.category)) {
            throw Refusal.of(ErrorCode.OUTSIDE_COUNT, "sku", item.name() + " is not in category " + count.category
                    + ", which this count covers.");
        }
        if (counted < 0 || counted > StockAdjustments.MOST) {
            throw Refusal.of(ErrorCode.INVALID_QUANTITY, "counted", "A count is 0 to " + StockAdjustments.MOST
                    + " units, was " + counted + ".");
        }
        long expected = ledger.onHand(sku).quantity();
        StockCountLine line = StockCountLine.findById(new StockCountLine.Key(countId, sku));
        boolean first = line == null;
        if (first) {
            line = new StockCountLine();
            line.key = new StockCountLine.Key(countId, sku);
        }
        line.expected = expected;
        line.counted = counted;
        line.countedAt = clock.instant();
        if (first) {
            line.persist();
        }
        return report(count);
    }

    /** Moves the ledger by every counted difference, each a count journaled for HQ; the count is closed. */
    @Transactional
    public Report post(String countId, String manager) {
        StockCount count = open(countId);
        for (StockCountLine line : StockCountLine.<StockCountLine>list("key.countId", countId)) {
            long variance = line.counted - line.expected;
            if (variance != 0) {
                adjustments.book(line.key.sku(), StockAdjusted.Kind.COUNTED, variance, line.counted,
                        "stock count " + countId, manager);
            }
        }
        close(count, StockCount.State.POSTED, manager);
        return report(count);
    }

    @Transactional
    public Report cancel(String countId, String manager) {
        StockCount count = open(countId);
        close(count, StockCount.State.CANCELLED, manager);
        return report(count);
    }

    @Transactional
    public Report get(String countId) {
        return report(find(countId));
    }

    /** The open count, if any. */
    @Transactional
    public Optional<Report> current() {
        return StockCount.<StockCount>find("state", StockCount.State.OPEN).firstResultOptional().map(this::report);
    }

    private void close(StockCount count, StockCount.State state, String manager) {
        count.state = state;
        count.closedBy = manager;
        count.closedAt = clock.instant();
    }

    private static StockCount find(String countId) {
        StockCount count = countId == null || countId.length() > 36 ? null : StockCount.findById(countId);
        if (count == null) {
            throw Refusal.of(ErrorCode.UNKNOWN_COUNT, "There is no stock count " + countId + ".");
        }
        return count;
    }

    private static StockCount open(String countId) {
        StockCount count = find(countId);
        if (count.state != StockCount.State.OPEN) {
            throw Refusal.of(ErrorCode.COUNT_CLOSED, "Count " + countId + " is " + count.state.name().toLowerCase()
                    + ".");
        }
        return count;
    }

    private Report report(StockCount count) {
        Instant now = clock.instant();
        String store = catalog.store().code();
        List<Line> lines = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        for (StockCountLine line : StockCountLine.<StockCountLine>list("key.countId = ?1 order by key.sku",
                count.countId)) {
            Optional<Catalog.Item> item = catalog.item(line.key.sku(), null);
            long price = item.flatMap(i -> PriceResolver.resolve(i.prices(), store, now))
                    .map(PriceResolver.Resolved::priceMinor).orElse(0L);
            long variance = line.counted - line.expected;
            lines.add(new Line(line.key.sku(), item.map(Catalog.Item::name).orElse(line.key.sku()), line.expected,
                    line.counted, variance, variance * price, line.countedAt));
            counted.add(line.key.sku());
        }
        List<StockLedger.OnHand> notCounted = count.state != StockCount.State.OPEN ? List.of()
                : ledger.all().stream().filter(onHand -> onHand.quantity() != 0 && !counted.contains(onHand.sku()))
                        .filter(onHand -> count.category == null || catalog.item(onHand.sku(), null)
                                .map(i -> i.categories().contains(count.category)).orElse(false))
                        .toList();
        return new Report(count.countId, count.category, count.state, count.openedBy, count.openedAt, lines,
                notCounted, lines.stream().mapToLong(Line::variance).sum(),
                lines.stream().mapToLong(Line::varianceMinor).sum());
    }
}
