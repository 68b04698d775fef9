package com.powerpto.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Pure formatting of amounts and dates for messages: no Spring, no I/O. */
public final class MessageFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private MessageFormat() {
    }

    /**
     * Minutes in the policy's display unit: DAYS use the person's working day (480 → "1 day"),
     * HOURS and MINUTES are exact; fractions keep up to two decimals ("1.5 days").
     */
    public static String amount(long minutes, String unit, int workdayMinutes) {
        String normalized = unit == null ? "DAYS" : unit;
        return switch (normalized) {
            case "MINUTES" -> plural(BigDecimal.valueOf(minutes), "minute");
            case "HOURS" -> plural(divide(minutes, 60), "hour");
            default -> plural(divide(minutes, Math.max(1, workdayMinutes)), "day");
        };
    }

    private static BigDecimal divide(long minutes, int by) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(by), 2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static String plural(BigDecimal value, String word) {
        String number = value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
        return number + " " + word + (value.compareTo(BigDecimal.ONE) == 0 ? "" : "s");
    }

    /**
     * A request's period. Whole days of the employee ("Mon 3 Aug 2026 – Tue 4 Aug 2026") are the
     * same calendar days for everyone; a period with times is shown in the recipient's zone.
     */
    public static String period(Instant start, Instant end, ZoneId employeeZone, ZoneId zone) {
        var ownFrom = start.atZone(employeeZone);
        var ownTo = end.atZone(employeeZone);
        boolean wholeDays = ownFrom.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                && ownTo.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
        if (wholeDays) {
            LocalDate last = ownTo.toLocalDate().minusDays(1);
            return last.equals(ownFrom.toLocalDate()) ? DAY.format(ownFrom) : DAY.format(ownFrom) + " – " + DAY.format(last);
        }
        var from = start.atZone(zone);
        var to = end.atZone(zone);
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return DAY.format(from) + ", " + TIME.format(from) + "–" + TIME.format(to) + " (" + zone.getId() + ")";
        }
        return DAY.format(from) + " " + TIME.format(from) + " – " + DAY.format(to) + " " + TIME.format(to)
                + " (" + zone.getId() + ")";
    }

    public static String date(LocalDate date) {
        return DAY.format(date);
    }

    /** A moment for "Approved by … at 10:42 on Mon 2 Aug 2027" in the reader's zone. */
    public static String clock(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return TIME.format(local) + " on " + DAY.format(local);
    }

    public static String instant(Instant at, ZoneId zone) {
        var local = at.atZone(zone);
        return DAY.format(local) + " " + TIME.format(local) + " (" + zone.getId() + ")";
    }
}
