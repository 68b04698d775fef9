package com.powerpto.accrual.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything one balance's timeline is computed from (docs/corrections.md, "One timeline"): the
 * employments of the employee, the assignment spans of the balance, the policy's versions, the
 * employee's working schedule by date, the leave booked against the balance by local day,
 * adjustments by their date, payroll runs by period, and the date of an opening balance. No
 * timestamps and no zones: every date is already the employee's local date.
 */
public record BalanceInputs(List<Employment> employments, List<Span> spans, List<Version> versions,
                            List<Schedule> schedules, List<Leave> leave, List<Adjustment> adjustments,
                            List<PayrollRun> payroll, LocalDate openingAsOf) {

    public BalanceInputs {
        employments = List.copyOf(employments);
        spans = List.copyOf(spans);
        versions = List.copyOf(versions);
        schedules = List.copyOf(schedules);
        leave = List.copyOf(leave);
        adjustments = List.copyOf(adjustments);
        payroll = List.copyOf(payroll);
    }

    /** The same inputs with the policy's versions replaced (the simulator's draft). */
    public BalanceInputs withVersions(List<Version> replaced) {
        return new BalanceInputs(employments, spans, replaced, schedules, leave, adjustments, payroll, openingAsOf);
    }

    /**
     * One employment: from the hire date (null = unknown: from the first assignment) to the last day
     * (null = still employed). Tenure counts from its own hire date.
     */
    public record Employment(LocalDate hireDate, LocalDate lastDay) {

        boolean covers(LocalDate day) {
            return (hireDate == null || !day.isBefore(hireDate)) && (lastDay == null || !day.isAfter(lastDay));
        }
    }

    /** An assignment of the employee to the policy, half-open {@code [from, toExclusive)}; null = open-ended. */
    public record Span(LocalDate from, LocalDate toExclusive) {
    }

    /** A policy version in force on {@code [from, toExclusive)}; {@code rules} null = unreadable settings (earns nothing). */
    public record Version(UUID id, LocalDate from, LocalDate toExclusive, PolicyRules rules) {

        boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (toExclusive == null || day.isBefore(toExclusive));
        }
    }

    /** The employee's working week from {@code from} on: work days × workday minutes. */
    public record Schedule(LocalDate from, long weeklyMinutes) {
    }

    /**
     * One request's time off against the balance: the minutes of each local day (the split stored at
     * submit), what of it is used (approved) and held (submitted) now — the ledger's net amounts, laid
     * on the days in date order — and the local date it was booked on (submitted).
     */
    public record Leave(UUID requestId, LocalDate bookedOn, NavigableMap<LocalDate, Long> days, long usedMinutes,
                        long heldMinutes) {

        public Leave {
            days = new TreeMap<>(days);
        }

        /** The used (or held) minutes per day: {@code total} laid on the days in order. */
        NavigableMap<LocalDate, Long> allocate(long total) {
            NavigableMap<LocalDate, Long> result = new TreeMap<>();
            long left = Math.max(0, total);
            for (var day : days.entrySet()) {
                long take = Math.min(left, day.getValue());
                if (take > 0) {
                    result.put(day.getKey(), take);
                }
                left -= take;
            }
            if (left > 0) { // more than the split holds (a legacy split): the rest on the last day
                LocalDate last = days.isEmpty() ? bookedOn : days.lastKey();
                result.merge(last, left, Long::sum);
            }
            return result;
        }
    }

    /** A manual change of the balance (an adjustment, an opening balance) on its effective date. */
    public record Adjustment(LocalDate date, long minutes) {
    }

    /** The hours of one payroll run for this employee; {@code sequence} orders runs of the same end date. */
    public record PayrollRun(String runId, LocalDate periodStart, LocalDate periodEnd, long workedMinutes, long sequence) {
    }
}
