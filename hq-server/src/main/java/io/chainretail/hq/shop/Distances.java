package io.chainretail.hq.shop;

import io.chainretail.hq.orders.Degrees;
import io.chainretail.hq.orders.OrderRouting;
import io.chainretail.hq.store.Store;
import java.math.BigDecimal;

/** How far a customer is from a store, when both places are known. */
final class Distances {

    private Distances() {
    }

    static Long between(BigDecimal latitude, BigDecimal longitude, Store store) {
        if (latitude == null || longitude == null || store.latitudeE6 == null || store.longitudeE6 == null) {
            return null;
        }
        return OrderRouting.distanceMetres(Degrees.e6(latitude), Degrees.e6(longitude), store.latitudeE6,
                store.longitudeE6);
    }
}
