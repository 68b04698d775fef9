package com.powerpto.policy.settings;

/** Year-end carryover: null cap = carry everything; null expiry = carried minutes never expire. */
public record Carryover(boolean enabled, Integer capMinutes, Integer expiresAfterDays) {

    public static final Carryover DISABLED = new Carryover(false, null, null);
}
