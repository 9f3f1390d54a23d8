package io.chainretail.agent.manager;

import io.chainretail.agent.replica.Catalog;
import io.chainretail.agent.replica.LocalPromotion;
import io.chainretail.agent.uplink.Journal;
import io.chainretail.core.error.ErrorCode;
import io.chainretail.core.error.Refusal;
import io.chainretail.core.pricing.PriceResolver;
import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.promotion.PromotionType;
import io.chainretail.core.promotion.Schedule;
import io.chainretail.core.promotion.Targets;
import io.chainretail.core.sync.MessageSchema;
import io.chainretail.core.sync.payload.LocalPromotionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The store manager's own promotions: percent or amount off chosen products, for a window, no deeper than
 * HQ lets the store go ({@code localPromotionMaxBp} of the store's record; none at all when HQ gives none).
 * They run on this store's tills beside HQ's, in one exclusivity group (two local promotions never stack on
 * one item), and each start, change and end goes up to HQ.
 */
@ApplicationScoped
public class LocalPromotions {

    /** What the manager asks for; {@code from} and {@code to} are the store's local time. */
    public record Input(String name, PromotionType type, List<String> skus, Integer percentOffBp,
            Long amountOffMinor, LocalDateTime from, LocalDateTime to) {
    }

    /** The exclusivity group of every local promotion. */
    public static final String GROUP = "store-local";

    private final Catalog catalog;
    private final Journal journal;

    public LocalPromotions(Catalog catalog, Journal journal) {
        this.catalog = catalog;
        this.journal = journal;
    }

    @Transactional
    public List<Promotion> running() {
        return LocalPromotion.running().stream().map(LocalPromotion::asPromotion).toList();
    }

    /**
     * Starts or changes the store's promotion {@code code}. 403 LOCAL_PROMOTIONS_NOT_ALLOWED when HQ gives the
     * store no depth, 400 OVER_LOCAL_LIMIT past it, 400 for a bad field, 404 UNKNOWN_PRODUCT.
     */
    @Transactional
    public Promotion save(String code, Input input, String manager) {
        Catalog.StoreInfo store = catalog.store();
        Integer maxBp = store.localPromotionMaxBp();
        if (maxBp == null) {
            throw Refusal.of(ErrorCode.LOCAL_PROMOTIONS_NOT_ALLOWED,
                    "HQ does not let this store run promotions of its own.");
        }
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,20}")) {
            throw Refusal.of(ErrorCode.INVALID_FIELD, "code", "1-20 letters, digits, '-' or '_'");
        }
        if (input.type() != PromotionType.PERCENT_OFF && input.type() != PromotionType.AMOUNT_OFF) {
            throw Refusal.of(ErrorCode.INVALID_FIELD, "type", "a store's own promotion is PERCENT_OFF or AMOUNT_OFF");
        }
        if (input.skus() == null || input.skus().isEmpty()) {
            throw Refusal.of(ErrorCode.INVALID_FIELD, "skus", "name the products it takes off");
        }
        checkDepth(input, maxBp, store.code());
        String promotionCode = "L-" + store.code() + "-" + code;
        LocalPromotion saved = LocalPromotion.findById(promotionCode);
        int version = saved == null ? 1 : saved.asPromotion().version() + 1;
        LocalDateTime from = input.from() != null ? input.from() : LocalDateTime.now(store.zone());
        Promotion promotion = new Promotion(promotionCode, version, input.name(), true, input.type(),
                new ItemScope(input.skus(), List.of(), List.of()), input.type() == PromotionType.PERCENT_OFF
                ? input.percentOffBp() : null, input.type() == PromotionType.AMOUNT_OFF ? input.amountOffMinor()
                : null, null, null, null, null, null, null, false, null,
                new Targets(false, List.of(), List.of(store.code())), new Schedule(from, input.to(), null, null, null),
                0, GROUP);
        if (saved == null) {
            saved = new LocalPromotion();
            saved.code = promotionCode;
        }
        saved.set(promotion);
        saved.setBy = manager;
        saved.setAt = Instant.now();
        saved.endedAt = null;
        saved.persist();
        journal.append("local-promotion", MessageSchema.LOCAL_PROMOTION, new LocalPromotionChanged(promotion,
                manager, saved.setAt, false), saved.setAt);
        return promotion;
    }

    /** Ends the store's promotion {@code code} (its full code, {@code L-0001-...}); 404 when not running. */
    @Transactional
    public void end(String promotionCode, String manager) {
        LocalPromotion running = LocalPromotion.findById(promotionCode);
        if (running == null || running.endedAt != null) {
            throw Refusal.of(ErrorCode.NO_SUCH_PROMOTION, "The store runs no promotion " + promotionCode + ".");
        }
        running.endedAt = Instant.now();
        journal.append("local-promotion", MessageSchema.LOCAL_PROMOTION, new LocalPromotionChanged(
                running.asPromotion(), manager, running.endedAt, true), running.endedAt);
    }

    /** A percent is checked against HQ's limit; an amount off against each product's price here. */
    private void checkDepth(Input input, int maxBp, String store) {
        Instant now = Instant.now();
        java.util.Map<String, Long> prices = new java.util.HashMap<>();
        for (String sku : input.skus()) {
            Catalog.Item item = catalog.item(sku, null).orElseThrow(() -> Refusal.of(ErrorCode.UNKNOWN_PRODUCT,
                    "There is no product " + sku + " with a price at this store."));
            prices.put(sku, PriceResolver.resolve(item.prices(), store, now).map(p -> p.priceMinor()).orElse(0L));
        }
        String limit = "HQ lets this store take at most " + maxBp / 100.0 + "% off";
        if (input.type() == PromotionType.PERCENT_OFF) {
            if (input.percentOffBp() != null && input.percentOffBp() > maxBp) {
                throw Refusal.of(ErrorCode.OVER_LOCAL_LIMIT, "percentOffBp", limit + ", not "
                        + input.percentOffBp() / 100.0 + "%.");
            }
            return;
        }
        if (input.amountOffMinor() == null) {
            return; // the promotion's own rules refuse it, naming the field
        }
        for (String sku : input.skus()) {
            long price = prices.get(sku);
            if (input.amountOffMinor() * 10_000 > (long) maxBp * price) {
                throw Refusal.of(ErrorCode.OVER_LOCAL_LIMIT, "amountOffMinor", limit + ": " + sku + " costs "
                        + price + " here, so at most " + price * maxBp / 10_000 + " off.");
            }
        }
    }
}
