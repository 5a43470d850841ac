package org.citymaas.runtime.training.control;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** The simulated half year (2025-01-01 to 2025-06-30) with the mainland public holidays in it. */
final class CityCalendar {

    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final int DAYS = 181;

    private static final Set<LocalDate> HOLIDAYS = holidays();

    private CityCalendar() {}

    private static Set<LocalDate> holidays() {
        var days = new java.util.HashSet<LocalDate>();
        days.add(LocalDate.of(2025, 1, 1));
        range(days, LocalDate.of(2025, 1, 28), LocalDate.of(2025, 2, 4)); // Spring Festival
        range(days, LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 6)); // Qingming
        range(days, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 5)); // Labour Day
        range(days, LocalDate.of(2025, 5, 31), LocalDate.of(2025, 6, 2)); // Dragon Boat
        return Set.copyOf(days);
    }

    private static void range(Set<LocalDate> days, LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
    }

    static LocalDate day(int index) {
        return START.plusDays(index);
    }

    /** 0 = Monday. */
    static int dayOfWeek(int dayIndex) {
        return day(dayIndex).getDayOfWeek().getValue() - 1;
    }

    static boolean holiday(int dayIndex) {
        return HOLIDAYS.contains(day(dayIndex));
    }

    static boolean springFestival(int dayIndex) {
        LocalDate d = day(dayIndex);
        return ChronoUnit.DAYS.between(LocalDate.of(2025, 1, 25), d) >= 0
                && ChronoUnit.DAYS.between(d, LocalDate.of(2025, 2, 8)) >= 0;
    }

    static double bump(double x, double centre, double width) {
        double z = (x - centre) / width;
        return Math.exp(-0.5 * z * z);
    }
}
