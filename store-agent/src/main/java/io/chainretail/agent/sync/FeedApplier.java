package io.chainretail.agent.sync;

import java.util.List;
import io.chainretail.agent.replica.FeedState;
import io.chainretail.agent.replica.ReplicaBarcode;
import io.chainretail.agent.replica.ReplicaPrice;
import io.chainretail.agent.replica.ReplicaProduct;
import io.chainretail.core.sync.Envelope;
import io.chainretail.core.sync.Feeds;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.ProductChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies feed deltas in sequence order, idempotently (ARCHITECTURE.md section 3, rule 2): the data
 * and the feed's last sequence are written in one transaction; an old delta is ignored; a delta past
 * the next expected one is not applied and reported as a gap.
 */
@ApplicationScoped
public class FeedApplier {

    /** What became of one delta. */
    public enum Result { APPLIED, ALREADY_APPLIED, GAP }

    @Transactional
    public Result apply(Envelope<?> delta) {
        return applyOne(delta);
    }

    /**
     * Applies deltas in one transaction (much faster than one each during a catch-up); each still gets
     * its own in-order check, so the results are the same as applying them one by one.
     */
    @Transactional
    public List<Result> applyAll(List<Envelope<?>> deltas) {
        return deltas.stream().map(this::applyOne).toList();
    }

    private Result applyOne(Envelope<?> delta) {
        String feed = Feeds.of(delta.schema());
        FeedState state = FeedState.findById(feed, LockModeType.PESSIMISTIC_WRITE);
        if (delta.seq() <= state.lastSeq) {
            return Result.ALREADY_APPLIED;
        }
        if (delta.seq() > state.lastSeq + 1) {
            return Result.GAP;
        }
        switch (delta.schema()) {
            case PRODUCT -> applyProduct(delta.payloadAs(ProductChange.class));
            case CHAIN_PRICE -> applyPrice(delta.payloadAs(ChainPrice.class));
            default -> throw new IllegalArgumentException(delta.schema().id() + " is not a feed delta");
        }
        state.lastSeq = delta.seq();
        return Result.APPLIED;
    }

    @Transactional
    public Map<String, Long> lastApplied() {
        return FeedState.<FeedState>listAll().stream().collect(Collectors.toMap(s -> s.feed, s -> s.lastSeq));
    }

    private static void applyProduct(ProductChange change) {
        ReplicaProduct product = ReplicaProduct.findById(change.sku());
        if (product == null) {
            product = new ReplicaProduct();
            product.sku = change.sku();
            product.name = change.name();
            product.active = change.active();
            product.persist();
        } else {
            product.name = change.name();
            product.active = change.active();
        }
        ReplicaBarcode.delete("sku = ?1", change.sku());
        ReplicaBarcode.getEntityManager().flush();
        for (String barcode : change.barcodes()) {
            // A barcode HQ moved from another product moves here too.
            ReplicaBarcode.deleteById(barcode);
            ReplicaBarcode row = new ReplicaBarcode();
            row.barcode = barcode;
            row.sku = change.sku();
            row.persist();
        }
    }

    private static void applyPrice(ChainPrice change) {
        ReplicaPrice price = ReplicaPrice.findById(change.sku());
        if (price == null) {
            price = new ReplicaPrice();
            price.sku = change.sku();
            price.priceMinor = change.priceMinor();
            price.currency = change.currency();
            price.persist();
        } else {
            price.priceMinor = change.priceMinor();
            price.currency = change.currency();
        }
    }
}
