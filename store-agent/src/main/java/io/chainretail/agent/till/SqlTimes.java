package io.chainretail.agent.till;

import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamp with time zone} column as a native query returns it, whichever type the driver picks. */
final class SqlTimes {

    private SqlTimes() {
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
