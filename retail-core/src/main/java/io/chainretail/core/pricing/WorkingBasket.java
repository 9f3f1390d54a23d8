package io.chainretail.core.pricing;

import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's scratch state for one basket: every unit with its current price, the exclusivity groups
 * that already changed it, whether a bundle consumed it, and per line what each promotion took off.
 */
final class WorkingBasket {

    /** Most expensive first; equal prices by SKU, line and unit, so scan order never changes a total. */
    static final Comparator<Unit> DEAREST_FIRST = Comparator.comparingLong((Unit unit) -> unit.price).reversed()
            .thenComparing(unit -> unit.line.sku())
            .thenComparingInt(unit -> unit.line.lineNo())
            .thenComparingInt(unit -> unit.index);

    /** One unit of a line. */
    static final class Unit {
        final BasketLine line;
        final int index;
        long price;
        boolean bundled;
        final Set<String> groups = new HashSet<>();

        Unit(BasketLine line, int index) {
            this.line = line;
            this.index = index;
            this.price = line.unitPriceMinor();
        }
    }

    private static final class Trace {
        long saving;
        final Set<Integer> units = new HashSet<>();
    }

    private final List<BasketLine> lines;
    private final List<Unit> units = new ArrayList<>();
    private final Map<Integer, Map<Promotion, Trace>> traces = new LinkedHashMap<>();
    private final Map<Promotion, Long> savings = new LinkedHashMap<>();

    WorkingBasket(List<BasketLine> lines) {
        this.lines = List.copyOf(lines);
        Set<Integer> lineNos = new HashSet<>();
        for (BasketLine line : lines) {
            if (!lineNos.add(line.lineNo())) {
                throw new IllegalArgumentException("line " + line.lineNo() + " appears twice");
            }
            traces.put(line.lineNo(), new LinkedHashMap<>());
            for (int i = 0; i < line.quantity(); i++) {
                units.add(new Unit(line, i));
            }
        }
    }

    /**
     * The units {@code promotion} may touch: in {@code scope}, not yet changed by a promotion of the same
     * exclusivity group, and, for promotions that count units, not weighed and not consumed by a bundle.
     * Dearest first.
     */
    List<Unit> eligible(Promotion promotion, ItemScope scope, boolean counting) {
        return units.stream()
                .filter(unit -> scope.includes(unit.line.sku(), unit.line.categories(), unit.line.brand()))
                .filter(unit -> promotion.exclusivityGroup() == null
                        || !unit.groups.contains(promotion.exclusivityGroup()))
                .filter(unit -> !counting || (!unit.bundled && !unit.line.weighed()))
                .sorted(DEAREST_FIRST)
                .toList();
    }

    /**
     * Takes {@code saving} off {@code unit} (never below zero) on behalf of {@code promotion}. Taking
     * nothing leaves the unit untouched, free for another promotion of the same group.
     */
    void discount(Unit unit, Promotion promotion, long saving) {
        long taken = Math.min(saving, unit.price);
        if (taken <= 0) {
            return;
        }
        unit.price -= taken;
        touch(unit, promotion);
        Trace trace = traces.get(unit.line.lineNo()).computeIfAbsent(promotion, p -> new Trace());
        trace.saving += taken;
        trace.units.add(unit.index);
        savings.merge(promotion, taken, Long::sum);
    }

    /** Marks {@code unit} as used by a bundle of {@code promotion}, whether or not its own price changes. */
    void consume(Unit unit, Promotion promotion) {
        unit.bundled = true;
        touch(unit, promotion);
        traces.get(unit.line.lineNo()).computeIfAbsent(promotion, p -> new Trace()).units.add(unit.index);
    }

    private static void touch(Unit unit, Promotion promotion) {
        if (promotion.exclusivityGroup() != null) {
            unit.groups.add(promotion.exclusivityGroup());
        }
    }

    List<PricedLine> pricedLines() {
        Map<Integer, Long> amounts = new HashMap<>();
        units.forEach(unit -> amounts.merge(unit.line.lineNo(), unit.price, Long::sum));
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (BasketLine line : lines) {
            long amount = amounts.get(line.lineNo());
            List<Adjustment> adjustments = new ArrayList<>();
            traces.get(line.lineNo()).forEach((promotion, trace) -> {
                if (trace.saving > 0 || savings.getOrDefault(promotion, 0L) > 0) {
                    adjustments.add(new Adjustment(promotion.code(), promotion.version(), promotion.name(),
                            promotion.type(), trace.saving, trace.units.size()));
                }
            });
            long regular = line.regularMinor();
            long tax = line.tax().on(amount);
            priced.add(new PricedLine(line, regular, regular - amount, amount, tax, line.tax().payable(amount),
                    adjustments));
        }
        return priced;
    }

    /** The promotions that saved something, in the order they were applied. */
    Map<Promotion, Long> savings() {
        Map<Promotion, Long> saved = new LinkedHashMap<>();
        savings.forEach((promotion, amount) -> {
            if (amount > 0) {
                saved.put(promotion, amount);
            }
        });
        return saved;
    }
}
