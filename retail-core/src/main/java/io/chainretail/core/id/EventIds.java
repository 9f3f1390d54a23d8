package io.chainretail.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 identifiers (RFC 9562): 48 bits of Unix milliseconds, then random bits. They are unique
 * forever without coordination and sort by creation time, so journals and indexes stay ordered.
 *
 * <p>Within one millisecond a counter in the random bits keeps ids from one generator increasing.
 */
public final class EventIds {

    private static final EventIds DEFAULT = new EventIds(Clock.systemUTC());

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long sequence;

    public EventIds(Clock clock) {
        this.clock = clock;
    }

    /** A new UUIDv7 from the system clock. */
    public static UUID next() {
        return DEFAULT.create();
    }

    public synchronized UUID create() {
        long millis = clock.millis();
        if (millis <= lastMillis) {
            // Same (or a stepped-back) millisecond: keep order by counting up instead of going back.
            millis = lastMillis;
            sequence++;
            if (sequence > 0xFFF) {
                millis++;
                sequence = random.nextInt(0x400);
            }
        } else {
            sequence = random.nextInt(0x400);
        }
        lastMillis = millis;
        long msb = (millis << 16) | 0x7000L | sequence;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The creation time of a UUIDv7 in Unix milliseconds. */
    public static long millisOf(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException(uuid + " is not a UUIDv7");
        }
        return uuid.getMostSignificantBits() >>> 16;
    }
}
