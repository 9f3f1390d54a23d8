package io.chainretail.hq.pricing;

import io.chainretail.core.error.Fields;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.sync.payload.PriceBounds;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.TierPrice;
import io.chainretail.hq.catalog.Product;
import io.chainretail.hq.feed.FeedOutbox;
import io.chainretail.hq.masterdata.References;
import io.chainretail.hq.members.MemberTier;
import io.chainretail.hq.store.Region;
import io.chainretail.hq.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Regional prices, member-tier prices and store price bounds (docs/promotions.md); each change
 * and each removal is a delta on the prices feed.
 */
@ApplicationScoped
public class PricingService {

    private final FeedOutbox outbox;

    public PricingService(FeedOutbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public RegionalPrice setRegional(String sku, String region, PriceInput input) {
        RegionalPrice price = new RegionalPrice(sku, region, required(input), currency(input), false);
        References.require(Product.class, sku, "sku", "product", ErrorCode.UNKNOWN_PRODUCT);
        References.require(Region.class, region, "region", "region", ErrorCode.UNKNOWN_REGION);
        RegionPrice row = RegionPrice.findById(new RegionPrice.Key(sku, region));
        if (row == null) {
            row = new RegionPrice();
            row.key = new RegionPrice.Key(sku, region);
            row.priceMinor = price.priceMinor();
            row.currency = price.currency();
            row.persist();
        }
        row.priceMinor = price.priceMinor();
        row.currency = price.currency();
        outbox.append(price);
        return price;
    }

    @Transactional
    public void removeRegional(String sku, String region) {
        RegionPrice row = RegionPrice.findById(new RegionPrice.Key(sku, region));
        if (row == null) {
            throw Refusal.of(ErrorCode.NO_REGIONAL_PRICE, "product " + sku + " has no price in region " + region);
        }
        row.delete();
        outbox.append(new RegionalPrice(sku, region, row.priceMinor, row.currency, true));
    }

    @Transactional
    public List<RegionalPrice> regional(String sku) {
        return RegionPrice.<RegionPrice>list("key.sku", sku).stream().map(r -> r.toRecord()).toList();
    }

    @Transactional
    public TierPrice setTier(String sku, String tier, PriceInput input) {
        TierPrice price = new TierPrice(sku, tier, required(input), currency(input), false);
        References.require(Product.class, sku, "sku", "product", ErrorCode.UNKNOWN_PRODUCT);
        References.require(MemberTier.class, tier, "tier", "member tier", ErrorCode.UNKNOWN_MEMBER_TIER);
        TierPriceEntry row = TierPriceEntry.findById(new TierPriceEntry.Key(sku, tier));
        if (row == null) {
            row = new TierPriceEntry();
            row.key = new TierPriceEntry.Key(sku, tier);
            row.priceMinor = price.priceMinor();
            row.currency = price.currency();
            row.persist();
        }
        row.priceMinor = price.priceMinor();
        row.currency = price.currency();
        outbox.append(price);
        return price;
    }

    @Transactional
    public void removeTier(String sku, String tier) {
        TierPriceEntry row = TierPriceEntry.findById(new TierPriceEntry.Key(sku, tier));
        if (row == null) {
            throw Refusal.of(ErrorCode.NO_TIER_PRICE, "product " + sku + " has no price for tier " + tier);
        }
        row.delete();
        outbox.append(new TierPrice(sku, tier, row.priceMinor, row.currency, true));
    }

    @Transactional
    public List<TierPrice> tiers(String sku) {
        return TierPriceEntry.<TierPriceEntry>list("key.sku", sku).stream().map(r -> r.toRecord()).toList();
    }

    /** Creates or replaces bounds; the body is validated by {@link PriceBounds} itself. */
    @Transactional
    public PriceBounds setBounds(PriceBounds bounds) {
        Fields.require(!bounds.removed(), "removed", "use DELETE to remove bounds");
        References.require(Product.class, bounds.sku(), "sku", "product", ErrorCode.UNKNOWN_PRODUCT);
        References.require(Store.class, bounds.store(), "store", "store", ErrorCode.UNKNOWN_STORE);
        PriceBoundsEntry row = PriceBoundsEntry.findById(bounds.id());
        boolean created = row == null;
        if (created) {
            row = new PriceBoundsEntry();
            row.id = bounds.id();
        }
        row.sku = bounds.sku();
        row.store = bounds.store();
        row.floorMinor = bounds.floorMinor();
        row.ceilingMinor = bounds.ceilingMinor();
        row.maxDeviationBp = bounds.maxDeviationBp();
        row.validFrom = bounds.validFrom();
        row.validTo = bounds.validTo();
        if (created) {
            row.persist();
        }
        outbox.append(bounds);
        return bounds;
    }

    @Transactional
    public void removeBounds(String id) {
        PriceBoundsEntry row = PriceBoundsEntry.findById(id);
        if (row == null) {
            throw Refusal.of(ErrorCode.NO_PRICE_BOUNDS, "there are no price bounds " + id);
        }
        PriceBounds removed = row.toRecord();
        row.delete();
        outbox.append(new PriceBounds(removed.id(), removed.sku(), removed.store(), removed.floorMinor(),
                removed.ceilingMinor(), removed.maxDeviationBp(), removed.validFrom(), removed.validTo(), true));
    }

    @Transactional
    public List<PriceBounds> bounds(String sku) {
        return PriceBoundsEntry.<PriceBoundsEntry>list("sku", sku).stream().map(r -> r.toRecord()).toList();
    }

    private static long required(PriceInput input) {
        Fields.require(input != null && input.priceMinor() != null, "priceMinor", "is required");
        return input.priceMinor();
    }

    private static String currency(PriceInput input) {
        return ChainCurrency.of(input.currency());
    }
}
