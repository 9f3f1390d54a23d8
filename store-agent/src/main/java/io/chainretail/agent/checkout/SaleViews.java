package io.chainretail.agent.checkout;

import io.chainretail.core.pricing.Adjustment;
import io.chainretail.core.pricing.PricedBasket;
import io.chainretail.core.pricing.PricedLine;
import io.chainretail.core.sync.payload.SaleCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds what the till shows of a sale: an open basket priced now, or a completed sale as sold. */
@ApplicationScoped
public class SaleViews {

    private final SalePricer pricer;

    public SaleViews(SalePricer pricer) {
        this.pricer = pricer;
    }

    SaleView of(SaleDraft draft) {
        Instant now = Instant.now();
        PricedBasket priced = pricer.price(draft, now);
        Map<Integer, PricedLine> byLine = new HashMap<>();
        priced.lines().forEach(line -> byLine.put(line.line().lineNo(), line));
        List<SaleView.LineView> lines = new ArrayList<>();
        long memberSaving = 0;
        for (SaleDraft.Line line : draft.lines) {
            PricedLine p = byLine.get(line.lineNo);
            if (p != null && draft.member != null) {
                memberSaving += Math.max(0, pricer.regularWithoutCardMinor(line, p.regularMinor(), now)
                        - p.regularMinor());
            }
            lines.add(p == null
                    ? voided(line, now)
                    : new SaleView.LineView(line.lineNo, line.item.sku(), line.code, line.item.name(), line.quantity,
                            line.weightGrams, p.line().unitPriceMinor(), p.regularMinor(), p.savingMinor(),
                            p.amountMinor(), false, p.adjustments().stream().map(SaleViews::promotionView)
                                    .toList()));
        }
        SaleView.MemberView member = draft.member == null ? null : new SaleView.MemberView(draft.member.cardNo(),
                draft.member.name(), draft.member.tier(), draft.member.pointsBalance());
        String status = draft.suspended ? "SUSPENDED" : "OPEN";
        return new SaleView(draft.saleId, draft.lane, status, lines, member, List.copyOf(draft.coupons),
                priced.couponsNotApplied(), priced.regularMinor(), priced.savingMinor(),
                memberSaving, priced.taxMinor(), priced.totalMinor(), draft.currency, 0, 0,
                null);
    }

    /** A voided line shows what it would have cost, struck through; it adds nothing to the sale. */
    private SaleView.LineView voided(SaleDraft.Line line, Instant now) {
        long unit = 0;
        long regular = 0;
        try {
            var priced = pricer.regular(line, now);
            unit = priced.unitPriceMinor();
            regular = priced.regularMinor();
        } catch (RuntimeException e) {
            // No price any more: it shows at zero, as it is not sold anyway.
        }
        return new SaleView.LineView(line.lineNo, line.item.sku(), line.code, line.item.name(), line.quantity,
                line.weightGrams, unit, regular, 0, 0, true, List.of());
    }

    private static SaleView.PromotionView promotionView(Adjustment adjustment) {
        return new SaleView.PromotionView(adjustment.promotion(), adjustment.version(), adjustment.name(),
                adjustment.savingMinor());
    }

    static SaleView of(CompletedSale sale, SaleCompleted event) {
        List<SaleView.LineView> lines = event.lines().stream().map(l -> new SaleView.LineView(l.lineNo(), l.sku(),
                l.code(), l.name(), l.quantity(), l.weightGrams(), l.unitPriceMinor(), l.regularMinor(),
                l.savingMinor(), l.amountMinor(), false, l.promotions().stream().map(p ->
                        new SaleView.PromotionView(p.code(), p.version(), null, p.savingMinor())).toList())).toList();
        SaleView.MemberView member = event.member() == null ? null
                : new SaleView.MemberView(event.member(), null, null, null);
        long regular = event.lines().stream().mapToLong(SaleCompleted.SaleLine::regularMinor).sum();
        return new SaleView(sale.saleId, sale.lane, "COMPLETED", lines, member, event.coupons(), List.of(), regular,
                event.savingMinor(), 0, event.taxMinor(), event.totalMinor(), sale.currency, sale.receiptNo,
                sale.changeMinor, sale.receiptText);
    }
}
