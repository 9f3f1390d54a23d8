package io.chainretail.hq.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which store fulfils an order, by rules an operator can read: a pickup goes to the store the customer chose, if
 * it has every unit available; a delivery goes to the nearest store that delivers to the address, is online and
 * has every unit available. Each store passed over is given with the reason, so a refusal says why for each.
 */
public final class OrderRouting {

    /** Mean radius of the earth in metres, for distances between stores and addresses. */
    private static final double EARTH_METRES = 6_371_000;

    /**
     * A store that could fulfil the order.
     *
     * @param distanceMetres from the delivery address, or {@code null} when the store has no location
     * @param radiusMetres   how far the store delivers, or {@code null} when it does not deliver
     * @param available      units available (on hand minus reserved) of each ordered SKU it has stocked
     */
    record Candidate(String store, boolean online, Long distanceMetres, Integer radiusMetres,
            Map<String, Long> available) {
    }

    /** The store chosen, or none, with why each store was passed over. */
    record Choice(Optional<String> store, List<String> passedOver) {
    }

    private OrderRouting() {
    }

    /** Routes a pickup at {@code store}: it must have the units; it need not be online (it gets the order later). */
    static Choice pickup(Candidate store, Map<String, Long> wanted) {
        Optional<String> shortage = shortage(store, wanted);
        return shortage.isPresent() ? new Choice(Optional.empty(), List.of(store.store() + ": " + shortage.get()))
                : new Choice(Optional.of(store.store()), List.of());
    }

    /** Routes a delivery to the nearest store that delivers there, is online and has the units. */
    static Choice delivery(List<Candidate> stores, Map<String, Long> wanted) {
        List<String> passedOver = new ArrayList<>();
        List<Candidate> byDistance = stores.stream().sorted(Comparator.comparing(
                (Candidate c) -> c.distanceMetres() == null ? Long.MAX_VALUE : c.distanceMetres())
                .thenComparing(Candidate::store)).toList();
        for (Candidate store : byDistance) {
            String reason;
            if (store.radiusMetres() == null || store.distanceMetres() == null) {
                reason = "does not deliver";
            } else if (store.distanceMetres() > store.radiusMetres()) {
                reason = "is " + kilometres(store.distanceMetres()) + " away and delivers within "
                        + kilometres(store.radiusMetres());
            } else if (!store.online()) {
                reason = "is offline";
            } else {
                Optional<String> shortage = shortage(store, wanted);
                if (shortage.isEmpty()) {
                    return new Choice(Optional.of(store.store()), passedOver);
                }
                reason = shortage.get();
            }
            passedOver.add(store.store() + ": " + reason);
        }
        return new Choice(Optional.empty(), passedOver);
    }

    private static Optional<String> shortage(Candidate store, Map<String, Long> wanted) {
        List<String> missing = new ArrayList<>();
        wanted.forEach((sku, units) -> {
            long available = Math.max(0, store.available().getOrDefault(sku, 0L));
            if (available < units) {
                missing.add(available + " of " + sku + " available, " + units + " ordered");
            }
        });
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", missing));
    }

    private static String kilometres(long metres) {
        return String.format(java.util.Locale.ROOT, "%.1f km", metres / 1000.0);
    }

    /** How far a place (millionths of a degree) is from a store, or {@code null} when the store has no place. */
    public static Long distanceMetres(int latitudeE6, int longitudeE6, io.chainretail.hq.store.Store store) {
        return store.latitudeE6 == null || store.longitudeE6 == null ? null
                : distanceMetres(latitudeE6, longitudeE6, store.latitudeE6, store.longitudeE6);
    }

    /** The great-circle distance in metres between two points given in millionths of a degree. */
    public static long distanceMetres(int latitudeE6, int longitudeE6, int otherLatitudeE6, int otherLongitudeE6) {
        double lat1 = Math.toRadians(latitudeE6 / 1e6);
        double lat2 = Math.toRadians(otherLatitudeE6 / 1e6);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians((otherLongitudeE6 - longitudeE6) / 1e6);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return Math.round(2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(a))));
    }
}
