package io.chainretail.pos;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainretail.core.money.Money;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lane's second screen shows the customer: the sale's lines with their amounts, savings and total
 * while it is rung up; what was paid and the change once it is paid, until the next sale; a welcome otherwise.
 * Only what a customer display shows is here: no member's name or balance, no cashier.
 */
@ApplicationScoped
public class CustomerScreen {

    /** One line as the customer sees it; a voided one struck through. */
    public record Line(String name, String quantity, String amount, boolean voided) {
    }

    /**
     * The screen. {@code version} grows with each change, so a page that also asks for the screen keeps the
     * newest of what it asked and what was pushed.
     *
     * @param state {@code IDLE}, {@code SALE} or {@code PAID}
     */
    public record View(long version, String state, List<Line> lines, String savings, String total, String paid,
            String change) {
    }

    private final BroadcastProcessor<View> changes = BroadcastProcessor.create();
    private View current = idle(0);

    public synchronized View current() {
        return current;
    }

    /** Each change of the screen, as it happens; a slow page buffers its own. */
    public Multi<View> changes() {
        return changes.onOverflow().bufferUnconditionally();
    }

    /** A sale being rung up, as the store agent returned it. */
    void sale(JsonNode sale) {
        show(version -> new View(version, "SALE", lines(sale), money(sale, saved(sale)),
                money(sale, sale.path("totalMinor").asLong()), null, null));
    }

    /** The sale just paid: its total, what was tendered and the change. */
    void paid(JsonNode sale) {
        long total = sale.path("totalMinor").asLong();
        long change = sale.path("changeMinor").asLong();
        show(version -> new View(version, "PAID", lines(sale), money(sale, saved(sale)),
                money(sale, total), money(sale, total + change), money(sale, change)));
    }

    /** No sale at the lane (suspended, signed out). */
    void idle() {
        show(CustomerScreen::idle);
    }

    private interface Screen {
        View at(long version);
    }

    private void show(Screen screen) {
        View view;
        synchronized (this) {
            view = screen.at(current.version() + 1);
            current = view;
        }
        changes.onNext(view);
    }

    private static View idle(long version) {
        return new View(version, "IDLE", List.of(), null, null, null, null);
    }

    private static List<Line> lines(JsonNode sale) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : sale.path("lines")) {
            boolean voided = line.path("voided").asBoolean();
            JsonNode grams = line.path("weightGrams");
            // A voided line shows what it would have cost, struck through.
            lines.add(new Line(line.path("name").asText(), grams.isNumber() ? kilograms(grams.asLong())
                    : String.valueOf(line.path("quantity").asLong()), money(sale, line.path(voided ? "regularMinor"
                    : "amountMinor").asLong()), voided));
        }
        return lines;
    }

    /** Promotions' savings and a member's tier prices against the prices without a card. */
    private static long saved(JsonNode sale) {
        return sale.path("savingMinor").asLong() + sale.path("memberSavingMinor").asLong();
    }

    private static String kilograms(long grams) {
        return BigDecimal.valueOf(grams, 3).toPlainString() + " kg";
    }

    private static String money(JsonNode sale, long minor) {
        String currency = sale.path("currency").asText(null);
        return currency == null ? String.valueOf(minor) : Money.of(minor, currency).toDecimalString();
    }
}
