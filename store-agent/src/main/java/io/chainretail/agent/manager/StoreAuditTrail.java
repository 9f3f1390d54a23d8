package io.chainretail.agent.manager;

import io.chainretail.agent.uplink.JournalEntry;
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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who did what that needed a manager at this store, and when: read from the journal, where each such act
 * was written in the same transaction as the change itself (and from where it goes up to HQ), so the trail
 * cannot miss one. Store prices set and removed, the store's own promotions, stock booked, approvals of
 * returns without receipt, voids and no-sales, and shifts closed with their variance.
 */
@ApplicationScoped
public class StoreAuditTrail {

    /** One act: when, by whom (the manager, or the cashier who closed a shift), what, and on what. */
    public record Act(Instant at, String who, String action, String detail, String eventId) {
    }

    private static final List<String> SCHEMAS = List.of(MessageSchema.PRICE_OVERRIDE.id(),
            MessageSchema.STOCK_ADJUSTED.id(), MessageSchema.NO_SALE.id(), MessageSchema.RETURN.id(),
            MessageSchema.SHIFT_CLOSED.id(), MessageSchema.LOCAL_PROMOTION.id());

    private final SyncCodec codec = new SyncCodec();

    /** The latest {@code limit} acts, newest first. */
    @Transactional
    public List<Act> latest(int limit) {
        List<Act> acts = new ArrayList<>();
        int page = 0;
        while (acts.size() < limit) {
            List<JournalEntry> entries = JournalEntry.<JournalEntry>find("schemaId in ?1 order by position desc",
                    SCHEMAS).page(page++, 200).list();
            if (entries.isEmpty()) {
                break;
            }
            for (JournalEntry entry : entries) {
                act(entry).ifPresent(acts::add);
                if (acts.size() == limit) {
                    break;
                }
            }
        }
        return acts;
    }

    private Optional<Act> act(JournalEntry entry) {
        try {
            if (MessageSchema.PRICE_OVERRIDE.id().equals(entry.schemaId)) {
                PriceOverrideChanged p = codec.readPayload(entry.payload, PriceOverrideChanged.class);
                return Optional.of(new Act(p.changedAt(), p.manager(), p.removed() ? "PRICE_REMOVED" : "PRICE_SET",
                        p.removed() ? p.sku() : p.sku() + " at " + money(p.priceMinor(), p.currency()), entry.eventId));
            }
            if (MessageSchema.STOCK_ADJUSTED.id().equals(entry.schemaId)) {
                StockAdjusted s = codec.readPayload(entry.payload, StockAdjusted.class);
                return Optional.of(new Act(s.at(), s.manager(), "STOCK_" + s.kind(), s.sku() + " " + s.quantity()
                        + (s.note() == null ? "" : " (" + s.note() + ")"), entry.eventId));
            }
            if (MessageSchema.LOCAL_PROMOTION.id().equals(entry.schemaId)) {
                LocalPromotionChanged l = codec.readPayload(entry.payload, LocalPromotionChanged.class);
                return Optional.of(new Act(l.changedAt(), l.manager(), l.ended() ? "PROMOTION_ENDED" : "PROMOTION_SET",
                        l.promotion().code() + " " + l.promotion().name() + " v" + l.promotion().version(),
                        entry.eventId));
            }
            if (MessageSchema.NO_SALE.id().equals(entry.schemaId)) {
                DrawerOpened d = codec.readPayload(entry.payload, DrawerOpened.class);
                return Optional.of(new Act(d.openedAt(), d.approver(), "NO_SALE_APPROVED", "lane " + d.lane()
                        + " for cashier " + d.cashier() + (d.reason() == null ? "" : " (" + d.reason() + ")"),
                        entry.eventId));
            }
            if (MessageSchema.RETURN.id().equals(entry.schemaId)) {
                ReturnCompleted r = codec.readPayload(entry.payload, ReturnCompleted.class);
                if (r.approver() == null) {
                    return Optional.empty(); // a return with its receipt needs no manager
                }
                return Optional.of(new Act(r.completedAt(), r.approver(), r.kind() + "_APPROVED", "lane " + r.lane()
                        + " receipt " + r.receiptNo() + ", " + money(r.totalMinor(), r.currency()) + " for cashier "
                        + r.cashier(), entry.eventId));
            }
            ShiftClosed z = codec.readPayload(entry.payload, ShiftClosed.class);
            return Optional.of(new Act(z.closedAt(), z.closedBy(), "SHIFT_CLOSED", "lane " + z.lane() + " Z "
                    + z.zNo() + ", variance " + money(z.varianceMinor(), z.currency()), entry.eventId));
        } catch (MalformedMessageException e) {
            throw new IllegalStateException("journal entry " + entry.position + " is unreadable", e);
        }
    }

    private static String money(long minor, String currency) {
        return currency == null ? String.valueOf(minor) : Money.of(minor, currency).toDecimalString();
    }
}
