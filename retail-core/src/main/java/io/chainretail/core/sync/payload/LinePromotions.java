package io.chainretail.core.sync.payload;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A line's promotion trace as one column of text, {@code CODE:version:saving} joined by commas, for the tables
 * that keep an online order's lines at HQ and at the store. Promotion codes are letters, digits, '-' and '_'.
 */
public final class LinePromotions {

    private LinePromotions() {
    }

    public static String toText(List<SaleCompleted.LinePromotion> promotions) {
        return promotions.stream().map(p -> p.code() + ":" + p.version() + ":" + p.savingMinor())
                .collect(Collectors.joining(","));
    }

    public static List<SaleCompleted.LinePromotion> fromText(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(part -> part.split(":")).map(p -> new SaleCompleted.LinePromotion(
                p[0], Integer.parseInt(p[1]), Long.parseLong(p[2]))).toList();
    }
}
