package com.powerpto.policy.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Carryover: null cap = carry everything; null expiry = carried minutes never expire. The reset
 * date is 1 January unless {@code resetMonth}/{@code resetDay} name another date every year
 * (a fiscal year) or {@code resetOn = HIRE_ANNIVERSARY} (each employee's hire anniversary);
 * unset fields are null, so settings written before they existed read and print unchanged.
 */
public record Carryover(boolean enabled, Integer capMinutes, Integer expiresAfterDays,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String resetOn,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer resetMonth,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer resetDay) {

    public static final String HIRE_ANNIVERSARY = "HIRE_ANNIVERSARY";
    public static final String FIXED_DATE = "FIXED_DATE";
    public static final Carryover DISABLED = new Carryover(false, null, null);

    public Carryover(boolean enabled, Integer capMinutes, Integer expiresAfterDays) {
        this(enabled, capMinutes, expiresAfterDays, null, null, null);
    }
}
