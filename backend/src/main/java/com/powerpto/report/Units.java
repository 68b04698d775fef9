package com.powerpto.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Minutes expressed in a policy's display unit, as a plain decimal a spreadsheet reads as a number
 * ("1.5", "-12", never "1.5E+1"): DAYS divide by the employee's workday length, HOURS by 60.
 * Four decimals at most — enough for a minute of an 8-hour day (0.0021) to survive rounding.
 */
final class Units {

    private Units() {
    }

    static String inUnit(long minutes, String unit, int workdayMinutes) {
        int per = switch (unit == null ? "DAYS" : unit) {
            case "MINUTES" -> 1;
            case "HOURS" -> 60;
            default -> Math.max(1, workdayMinutes);
        };
        BigDecimal value = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(per), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return value.signum() == 0 ? "0" : value.toPlainString();
    }
}
