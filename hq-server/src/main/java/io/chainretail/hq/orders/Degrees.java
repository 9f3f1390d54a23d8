package io.chainretail.hq.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Latitudes and longitudes: degrees in the API, whole millionths of a degree (about 0.1 m) in the database. */
public final class Degrees {

    private Degrees() {
    }

    public static Integer e6(BigDecimal degrees) {
        return degrees == null ? null : degrees.movePointRight(6).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    public static BigDecimal of(int e6) {
        return BigDecimal.valueOf(e6, 6);
    }
}
