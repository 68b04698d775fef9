package com.powerpto.policy.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/**
 * Rules a request under this policy version must keep (docs/policy-settings.md). Every field is
 * optional (null = no such rule). Dates are kept as ISO strings so the stored JSON round-trips
 * with any mapper; they are validated by the parser.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestRules(Integer minNoticeDays, Integer maxConsecutiveDays, List<BlackoutPeriod> blackoutPeriods,
                           MaxConcurrentAbsences maxConcurrentAbsences) {

    /** A closed date range (both ends inclusive) in which no working day may be requested. */
    public record BlackoutPeriod(String startDate, String endDate, String name) {

        @JsonIgnore
        public boolean contains(LocalDate day) {
            return !day.isBefore(LocalDate.parse(startDate)) && !day.isAfter(LocalDate.parse(endDate));
        }
    }

    /** At most {@code limit} people of one scope away at the same time, the requester included. */
    public record MaxConcurrentAbsences(StaffingScope scope, int limit) {
    }

    /** TEAM = the employees who share a manager; DEPARTMENT = the same department. */
    public enum StaffingScope { TEAM, DEPARTMENT }

    @JsonIgnore
    public boolean isEmpty() {
        return minNoticeDays == null && maxConsecutiveDays == null
                && (blackoutPeriods == null || blackoutPeriods.isEmpty()) && maxConcurrentAbsences == null;
    }
}
