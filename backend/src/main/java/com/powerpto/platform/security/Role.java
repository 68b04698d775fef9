package com.powerpto.platform.security;

import java.util.Locale;

public enum Role {
    ADMIN, MANAGER, EMPLOYEE;

    public static Role parse(String value) {
        if (value == null || value.isBlank()) {
            return EMPLOYEE;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The claim / header spelling: lower case. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
