package com.powerpto.policy.settings;

/** Either a fixed yearly date (month + day) or a number of days after the last accrual. */
public record Expiration(boolean enabled, Integer expiresAfterDays, Integer expiresOnMonth, Integer expiresOnDay) {

    public static final Expiration DISABLED = new Expiration(false, null, null, null);
}
