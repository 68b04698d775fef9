package com.powerpto.imports;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a CSV cell becomes when it is stored, and whether a spreadsheet would run that as a
 * formula. The check reads exactly the stored text: it once read the raw cell, so
 * {@code " =HYPERLINK(…)"} passed (a space first) and was stored trimmed, formula first
 * (issue 25, finding 9). Keep every cell check on {@link #stored}.
 */
final class CellText {

    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");
    private static final Set<Character> FORMULA_START = Set.of('=', '+', '-', '@', '\t', '\r');

    private CellText() {
    }

    /** The cell as it is stored: trimmed; "" for none. */
    static String stored(String raw) {
        return raw == null ? "" : raw.trim();
    }

    /** Why the stored cell would run as a spreadsheet formula (a plain signed number is fine); empty when it would not. */
    static Optional<String> formulaProblem(String raw) {
        String value = stored(raw);
        if (value.isEmpty() || !FORMULA_START.contains(value.charAt(0)) || NUMBER.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of("starts with " + value.charAt(0) + " and would run as a spreadsheet formula; remove that character");
    }
}
