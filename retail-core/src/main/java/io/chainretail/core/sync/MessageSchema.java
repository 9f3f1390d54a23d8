package io.chainretail.core.sync;

import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.sync.payload.Ack;
import io.chainretail.core.sync.payload.BrandChange;
import io.chainretail.core.sync.payload.CategoryChange;
import io.chainretail.core.sync.payload.LocalPromotionChanged;
import io.chainretail.core.sync.payload.MemberChange;
import io.chainretail.core.sync.payload.OrderForStore;
import io.chainretail.core.sync.payload.OrderProgress;
import io.chainretail.core.sync.payload.PriceBounds;
import io.chainretail.core.sync.payload.PriceOverrideChanged;
import io.chainretail.core.sync.payload.RegionalPrice;
import io.chainretail.core.sync.payload.SnapshotChunk;
import io.chainretail.core.sync.payload.StaffList;
import io.chainretail.core.sync.payload.StoreChange;
import io.chainretail.core.sync.payload.SyncDeltas;
import io.chainretail.core.sync.payload.TaxClassChange;
import io.chainretail.core.sync.payload.TierPrice;
import io.chainretail.core.sync.payload.UplinkBatch;
import io.chainretail.core.sync.payload.ChainPrice;
import io.chainretail.core.sync.payload.ProductChange;
import io.chainretail.core.sync.payload.DrawerOpened;
import io.chainretail.core.sync.payload.JournalSkipped;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.SaleCompleted;
import io.chainretail.core.sync.payload.ShelfAlert;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.sync.payload.StockAdjusted;
import io.chainretail.core.sync.payload.StoreStatus;
import io.chainretail.core.sync.payload.SyncProgress;
import io.chainretail.core.sync.payload.SyncRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every message schema the system understands. A message whose {@code schema} is not listed here is
 * rejected; changing a payload incompatibly means adding a new version, never editing one.
 */
public enum MessageSchema {
    TAX_CLASS("catalog.tax-class.v1", Direction.DOWNLINK, TaxClassChange.class),
    CATEGORY("catalog.category.v1", Direction.DOWNLINK, CategoryChange.class),
    BRAND("catalog.brand.v1", Direction.DOWNLINK, BrandChange.class),
    STORE("catalog.store.v1", Direction.DOWNLINK, StoreChange.class),
    PRODUCT("catalog.product.v1", Direction.DOWNLINK, ProductChange.class),
    CHAIN_PRICE("prices.chain.v1", Direction.DOWNLINK, ChainPrice.class),
    REGIONAL_PRICE("prices.region.v1", Direction.DOWNLINK, RegionalPrice.class),
    TIER_PRICE("prices.tier.v1", Direction.DOWNLINK, TierPrice.class),
    PRICE_BOUNDS("prices.bounds.v1", Direction.DOWNLINK, PriceBounds.class),
    MEMBER("members.member.v1", Direction.DOWNLINK, MemberChange.class),
    PROMOTION("promotions.promotion.v1", Direction.DOWNLINK, Promotion.class),
    SALE("up.sale.v2", Direction.UPLINK, SaleCompleted.class),
    RETURN("up.return.v1", Direction.UPLINK, ReturnCompleted.class),
    SHIFT_CLOSED("up.shift-closed.v1", Direction.UPLINK, ShiftClosed.class),
    NO_SALE("up.no-sale.v1", Direction.UPLINK, DrawerOpened.class),
    SHELF_ALERT("up.shelf-alert.v1", Direction.UPLINK, ShelfAlert.class),
    PRICE_OVERRIDE("up.price-override.v1", Direction.UPLINK, PriceOverrideChanged.class),
    STOCK_ADJUSTED("up.stock-adjusted.v1", Direction.UPLINK, StockAdjusted.class),
    LOCAL_PROMOTION("up.local-promotion.v1", Direction.UPLINK, LocalPromotionChanged.class),
    JOURNAL_SKIPPED("up.journal-skipped.v1", Direction.UPLINK, JournalSkipped.class),
    ORDER_PROGRESS("up.order.v1", Direction.UPLINK, OrderProgress.class),
    ACK("ack.v1", Direction.CONTROL, Ack.class),
    SYNC_REQUEST("sync.request.v1", Direction.CONTROL, SyncRequest.class),
    SYNC_PROGRESS("sync.progress.v1", Direction.CONTROL, SyncProgress.class),
    UPLINK_BATCH("up.batch.v1", Direction.CONTROL, UplinkBatch.class),
    SYNC_DELTAS("sync.deltas.v1", Direction.CONTROL, SyncDeltas.class),
    SYNC_SNAPSHOT("sync.snapshot.v1", Direction.CONTROL, SnapshotChunk.class),
    STAFF("sync.staff.v1", Direction.CONTROL, StaffList.class),
    ORDER("orders.order.v1", Direction.CONTROL, OrderForStore.class),
    STATUS("status.v1", Direction.CONTROL, StoreStatus.class);

    private final String id;
    private final Direction direction;
    private final Class<?> payloadType;

    MessageSchema(String id, Direction direction, Class<?> payloadType) {
        this.id = id;
        this.direction = direction;
        this.payloadType = payloadType;
    }

    public String id() {
        return id;
    }

    public Direction direction() {
        return direction;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public static Optional<MessageSchema> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The schema whose payload is {@code type}. */
    public static MessageSchema forPayload(Class<?> type) {
        return Arrays.stream(values())
                .filter(s -> s.payloadType.equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schema carries " + type.getName()));
    }
}
