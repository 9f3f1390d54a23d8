package io.chainretail.core.pricing;

import io.chainretail.core.promotion.ItemScope;
import io.chainretail.core.promotion.Promotion;
import io.chainretail.core.promotion.PromotionType;
import io.chainretail.core.promotion.Schedule;
import io.chainretail.core.promotion.SpendTier;
import io.chainretail.core.promotion.Targets;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One golden basket, read from a small text format (see "Reading a golden basket" in docs/promotions.md):
 * tax classes, promotions, the context, the lines, and after {@code expect} the receipt the engine
 * must print, byte for byte.
 */
record GoldenCase(String name, List<BasketLine> lines, PricingContext context, List<Promotion> promotions,
        String expected) {

    private static final LocalDateTime DEFAULT_TIME = LocalDateTime.parse("2026-11-20T10:00"); // a Friday

    static GoldenCase read(Path file) throws IOException {
        List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Tax> taxes = new HashMap<>(Map.of("STD", new Tax("STD", 1300, true)));
        List<Promotion> promotions = new ArrayList<>();
        List<BasketLine> lines = new ArrayList<>();
        Map<String, String> context = new HashMap<>(Map.of("store", "0001", "region", "NORTH"));
        Set<String> coupons = new TreeSet<>();
        StringBuilder expected = null;
        for (String raw : text) {
            if (expected != null) {
                expected.append(raw).append('\n');
                continue;
            }
            String row = raw.strip();
            if (row.isEmpty() || row.startsWith("#")) {
                continue;
            }
            String[] words = row.split("\\s+");
            switch (words[0]) {
                case "tax" -> taxes.put(words[1], new Tax(words[1], bp(words[2]), words[3].equals("inclusive")));
                case "promotion" -> promotions.add(promotion(words));
                case "line" -> lines.add(line(lines.size() + 1, words, taxes));
                case "coupon" -> coupons.add(words[1]);
                case "at", "store", "region", "member" -> context.put(words[0], words[1]);
                case "expect" -> expected = new StringBuilder();
                default -> throw new IllegalArgumentException(file + ": cannot read '" + row + "'");
            }
        }
        if (expected == null) {
            throw new IllegalArgumentException(file + " has no 'expect' section");
        }
        LocalDateTime at = context.containsKey("at") ? LocalDateTime.parse(context.get("at")) : DEFAULT_TIME;
        return new GoldenCase(file.getFileName().toString(), lines,
                new PricingContext(context.get("store"), context.get("region"), at, context.get("member"), coupons),
                promotions, expected.toString());
    }

    /** {@code line SKU xQTY @PRICE [cat=A,B] [brand=X] [tax=STD] [weighed]}. */
    private static BasketLine line(int lineNo, String[] words, Map<String, Tax> taxes) {
        Map<String, String> options = options(words, 4);
        return new BasketLine(lineNo, words[1], list(options.get("cat")), options.get("brand"),
                Integer.parseInt(words[2].substring(1)), minor(words[3].substring(1)), options.containsKey("weighed"),
                taxes.get(options.getOrDefault("tax", "STD")));
    }

    /** {@code promotion CODE TYPE key=value...}; see the README for the keys. */
    private static Promotion promotion(String[] words) {
        Map<String, String> o = options(words, 3);
        LocalDateTime from = LocalDateTime.parse(o.getOrDefault("from", "2026-01-01T00:00"));
        LocalDateTime to = o.containsKey("to") ? LocalDateTime.parse(o.get("to")) : null;
        List<DayOfWeek> days = list(o.get("days")).stream().map(DayOfWeek::valueOf).toList();
        LocalTime dailyFrom = null;
        LocalTime dailyTo = null;
        if (o.containsKey("daily")) {
            String[] hours = o.get("daily").split("-");
            dailyFrom = LocalTime.parse(hours[0]);
            dailyTo = LocalTime.parse(hours[1]);
        }
        List<String> regions = list(o.get("regions"));
        List<String> stores = list(o.get("stores"));
        List<SpendTier> tiers = list(o.get("tiers")).stream().map(tier -> tier.split(":"))
                .map(tier -> new SpendTier(minor(tier[0]), minor(tier[1]))).toList();
        return new Promotion(words[1], Integer.parseInt(o.getOrDefault("version", "1")),
                o.getOrDefault("name", words[1]), !o.containsKey("inactive"), PromotionType.valueOf(words[2]),
                scope(o.get("items")), o.containsKey("percent") ? bp(o.get("percent")) : null,
                o.containsKey("off") ? minor(o.get("off")) : null, integer(o.get("buy")), integer(o.get("pay")),
                o.containsKey("bundle") ? minor(o.get("bundle")) : null, integer(o.get("get")),
                o.containsKey("getItems") ? scope(o.get("getItems")) : null, tiers, o.containsKey("member"),
                o.get("coupon"), new Targets(regions.isEmpty() && stores.isEmpty(), regions, stores),
                new Schedule(from, to, days, dailyFrom, dailyTo), Integer.parseInt(o.getOrDefault("priority", "0")),
                o.get("group"));
    }

    /** {@code sku:A,cat:B,brand:C}. */
    private static ItemScope scope(String spec) {
        List<String> skus = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        for (String item : list(spec)) {
            String[] kindAndCode = item.split(":");
            switch (kindAndCode[0]) {
                case "sku" -> skus.add(kindAndCode[1]);
                case "cat" -> categories.add(kindAndCode[1]);
                case "brand" -> brands.add(kindAndCode[1]);
                default -> throw new IllegalArgumentException("scope entries are sku:, cat: or brand:, not " + item);
            }
        }
        return new ItemScope(skus, categories, brands);
    }

    private static Map<String, String> options(String[] words, int from) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String word : Arrays.copyOfRange(words, from, words.length)) {
            int equals = word.indexOf('=');
            options.put(equals < 0 ? word : word.substring(0, equals), equals < 0 ? "" : word.substring(equals + 1));
        }
        return options;
    }

    private static List<String> list(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    /** "12.50" -> 1250. */
    static long minor(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    /** "13%" or "12.5" -> basis points. */
    private static int bp(String percent) {
        return new BigDecimal(percent.replace("%", "")).movePointRight(2).intValueExact();
    }
}
