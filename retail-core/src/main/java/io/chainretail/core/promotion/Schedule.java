package io.chainretail.core.promotion;

import io.chainretail.core.error.Fields;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * When a promotion runs, in each store's local time (a chain-wide "from Friday 08:00" starts at 08:00
 * in every time zone): from {@code from} until {@code to} (exclusive), on the listed days (all when
 * empty), between {@code dailyFrom} and {@code dailyTo} (all day when both are {@code null}).
 */
public record Schedule(LocalDateTime from, LocalDateTime to, List<DayOfWeek> days, LocalTime dailyFrom,
        LocalTime dailyTo) {

    public Schedule {
        Fields.require(from != null, "from", "a promotion needs a start");
        Fields.require(to == null || from.isBefore(to), "to", "must be after from");
        days = days == null ? List.of() : List.copyOf(days);
        Fields.require((dailyFrom == null) == (dailyTo == null), "dailyTo",
                "give both dailyFrom and dailyTo, or neither");
        Fields.require(dailyFrom == null || dailyFrom.isBefore(dailyTo), "dailyTo", "must be after dailyFrom");
    }

    /** True at local time {@code at}. */
    public boolean isActiveAt(LocalDateTime at) {
        if (at.isBefore(from) || (to != null && !at.isBefore(to))) {
            return false;
        }
        if (!days.isEmpty() && !days.contains(at.getDayOfWeek())) {
            return false;
        }
        LocalTime time = at.toLocalTime();
        return dailyFrom == null || (!time.isBefore(dailyFrom) && time.isBefore(dailyTo));
    }
}
