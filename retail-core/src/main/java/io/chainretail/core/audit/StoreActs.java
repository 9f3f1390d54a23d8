package io.chainretail.core.audit;

import io.chainretail.core.money.Money;
import io.chainretail.core.sync.MalformedMessageException;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.SyncCodec;
import io.chainretail.core.sync.payload.DrawerOpened;
import io.chainretail.core.sync.payload.LocalPromotionChanged;
import io.chainretail.core.sync.payload.PriceOverrideChanged;
import io.chainretail.core.sync.payload.ReturnCompleted;
import io.chainretail.core.sync.payload.ShiftClosed;
import io.chainretail.core.sync.payload.StockAdjusted;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's journal events that record an act needing a manager (or closing a till), read as audit
 * entries: who, when, what, on what. One reading for the store's own trail and for HQ's view of it.
 */
public final class StoreActs {

    /** One act: when, by whom (the manager, or the cashier who closed a shift), what, and on what. */
    public record Act(Instant at, String who, String action, String detail) {
    }

    /** The uplink schemas that may carry an act. */
    public static final List<MessageSchema> SCHEMAS = List.of(MessageSchema.PRICE_OVERRIDE,
            MessageSchema.STOCK_ADJUSTED, MessageSchema.LOCAL_PROMOTION, MessageSchema.NO_SALE, MessageSchema.RETURN,
            MessageSchema.SHIFT_CLOSED);

    private static final SyncCodec CODEC = new SyncCodec();

    private StoreActs() {
    }

    /** The act an event records, if it records one (a return with its receipt needs no manager). */
    public static Optional<Act> of(String schemaId, String payload) throws MalformedMessageException {
        MessageSchema schema = SCHEMAS.stream().filter(s -> s.id().equals(schemaId)).findFirst().orElse(null);
        if (schema == null) {
            return Optional.empty();
        }
        return switch (schema) {
            case PRICE_OVERRIDE -> {
                PriceOverrideChanged p = CODEC.readPayload(payload, PriceOverrideChanged.class);
                yield Optional.of(new Act(p.changedAt(), p.manager(), p.removed() ? "PRICE_REMOVED" : "PRICE_SET",
                        p.removed() ? p.sku() : p.sku() + " at " + money(p.priceMinor(), p.currency())));
            }
            case STOCK_ADJUSTED -> {
                StockAdjusted s = CODEC.readPayload(payload, StockAdjusted.class);
                yield Optional.of(new Act(s.at(), s.manager(), "STOCK_" + s.kind(), s.sku() + " " + s.quantity()
                        + (s.note() == null ? "" : " (" + s.note() + ")")));
            }
            case LOCAL_PROMOTION -> {
                LocalPromotionChanged l = CODEC.readPayload(payload, LocalPromotionChanged.class);
                yield Optional.of(new Act(l.changedAt(), l.manager(), l.ended() ? "PROMOTION_ENDED" : "PROMOTION_SET",
                        l.promotion().code() + " " + l.promotion().name() + " v" + l.promotion().version()));
            }
            case NO_SALE -> {
                DrawerOpened d = CODEC.readPayload(payload, DrawerOpened.class);
                yield Optional.of(new Act(d.openedAt(), d.approver(), "NO_SALE_APPROVED", "lane " + d.lane()
                        + " for cashier " + d.cashier() + (d.reason() == null ? "" : " (" + d.reason() + ")")));
            }
            case RETURN -> {
                ReturnCompleted r = CODEC.readPayload(payload, ReturnCompleted.class);
                yield r.approver() == null ? Optional.empty() : Optional.of(new Act(r.completedAt(), r.approver(),
                        r.kind() + "_APPROVED", "lane " + r.lane() + " receipt " + r.receiptNo() + ", "
                        + money(r.totalMinor(), r.currency()) + " for cashier " + r.cashier()));
            }
            default -> {
                ShiftClosed z = CODEC.readPayload(payload, ShiftClosed.class);
                yield Optional.of(new Act(z.closedAt(), z.closedBy(), "SHIFT_CLOSED", "lane " + z.lane() + " Z "
                        + z.zNo() + ", variance " + money(z.varianceMinor(), z.currency())));
            }
        };
    }

    private static String money(long minor, String currency) {
        return currency == null ? String.valueOf(minor) : Money.of(minor, currency).toDecimalString();
    }
}
