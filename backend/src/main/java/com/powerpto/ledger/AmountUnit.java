package com.powerpto.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a policy shows amounts to people: its display unit (MINUTES, HOURS, DAYS) and, for days, the
 * employee's workday length. Balances stay integer minutes; only sentences use this (an admin who
 * reads "Available: 22.33 days" should not have to divide 10720 minutes by 480).
 */
public record AmountUnit(String unit, int workdayMinutes) {

    public static final AmountUnit MINUTES = new AmountUnit("MINUTES", 480);

    public AmountUnit {
        unit = unit == null || unit.isBlank() ? "DAYS" : unit;
        workdayMinutes = workdayMinutes > 0 ? workdayMinutes : 480;
    }

    /** "22.33 days", "1 day", "7.5 hours", "90 minutes" (at most two decimals, rounded half up). */
    public String describe(long minutes) {
        return switch (unit) {
            case "MINUTES" -> minutes + (Math.abs(minutes) == 1 ? " minute" : " minutes");
            case "HOURS" -> plural(decimal(minutes, 60), "hour");
            default -> plural(decimal(minutes, workdayMinutes), "day");
        };
    }

    private static String decimal(long minutes, int per) {
        BigDecimal value = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(per), 2, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }

    private static String plural(String number, String noun) {
        return number + " " + noun + (number.equals("1") || number.equals("-1") ? "" : "s");
    }
}
