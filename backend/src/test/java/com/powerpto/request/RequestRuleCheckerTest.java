package com.powerpto.request;

import com.powerpto.policy.settings.RequestRules;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The request rules on hand-built breakdowns (Mon–Fri, 09:00, 480 minutes, Berlin). */
class RequestRuleCheckerTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final WorkSchedule SCHEDULE = new WorkSchedule(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0), 480, Set.of(LocalDate.of(2027, 12, 24)));

    static List<DurationCalculator.Day> days(String from, String to) {
        return DurationCalculator.breakdown(local(from), local(to), SCHEDULE);
    }

    static Instant local(String text) {
        return java.time.LocalDateTime.parse(text).atZone(BERLIN).toInstant();
    }

    static RequestRules rules(Integer notice, Integer consecutive, List<RequestRules.BlackoutPeriod> blackouts, Integer limit) {
        return new RequestRules(notice, consecutive, blackouts,
                limit == null ? null : new RequestRules.MaxConcurrentAbsences(RequestRules.StaffingScope.TEAM, limit));
    }

    @Test
    void noRulesNoViolations() {
        assertThat(RequestRuleChecker.check(null, days("2027-03-01T00:00", "2027-03-06T00:00"), LocalDate.of(2027, 3, 1))).isEmpty();
        assertThat(RequestRuleChecker.check(rules(null, null, null, null), days("2027-03-01T00:00", "2027-03-06T00:00"),
                LocalDate.of(2027, 3, 1))).isEmpty();
    }

    @Test
    void noticeCountsFromTheFirstWorkingDay() {
        // Sat 2027-03-06 to Mon 2027-03-08: the first working day is Monday, 7 days after Mon 03-01
        var days = days("2027-03-06T00:00", "2027-03-09T00:00");
        assertThat(RequestRuleChecker.check(rules(7, null, null, null), days, LocalDate.of(2027, 3, 1))).isEmpty();
        assertThat(RequestRuleChecker.check(rules(8, null, null, null), days, LocalDate.of(2027, 3, 1)))
                .extracting(RequestRuleChecker.Violation::code).containsExactly("rule_min_notice");
        assertThat(RequestRuleChecker.check(rules(0, null, null, null), days, LocalDate.of(2027, 3, 8))).isEmpty();
    }

    @Test
    void consecutiveDaysAreWorkingDaysHolidaysAndWeekendsExcluded() {
        // Thu 23 Dec to Tue 28 Dec 2027: Thu, (Fri holiday), (Sat, Sun), Mon, Tue = 3 working days
        var days = days("2027-12-23T00:00", "2027-12-29T00:00");
        assertThat(RequestRuleChecker.check(rules(null, 3, null, null), days, LocalDate.of(2027, 1, 1))).isEmpty();
        var refused = RequestRuleChecker.check(rules(null, 2, null, null), days, LocalDate.of(2027, 1, 1));
        assertThat(refused).extracting(RequestRuleChecker.Violation::code).containsExactly("rule_max_consecutive");
        assertThat(refused.get(0).context()).containsEntry("requested_days", 3);
    }

    @Test
    void blackoutsAreInclusiveAndOnlyWorkingTimeCounts() {
        var period = List.of(new RequestRules.BlackoutPeriod("2027-12-25", "2027-12-27", "Close"));
        // ends on the period's last day
        assertThat(RequestRuleChecker.check(rules(null, null, period, null), days("2027-12-27T09:00", "2027-12-27T10:00"),
                LocalDate.of(2027, 1, 1))).extracting(RequestRuleChecker.Violation::code).containsExactly("rule_blackout");
        // the day after the period
        assertThat(RequestRuleChecker.check(rules(null, null, period, null), days("2027-12-28T09:00", "2027-12-28T17:00"),
                LocalDate.of(2027, 1, 1))).isEmpty();
        // Thu 23 to Sun 26: the period's days inside are a holiday and a weekend, no working time
        assertThat(RequestRuleChecker.check(rules(null, null, period, null), days("2027-12-23T09:00", "2027-12-26T17:00"),
                LocalDate.of(2027, 1, 1))).isEmpty();
    }

    @Test
    void staffingCountsOthersAwayAtTheSameTimeOnlyOncePerPerson() {
        UUID ann = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        Instant start = local("2027-03-01T13:00");
        Instant end = local("2027-03-01T17:00");
        var days = DurationCalculator.breakdown(start, end, SCHEDULE);
        List<RequestRuleChecker.Absence> others = List.of(
                new RequestRuleChecker.Absence(ann, local("2027-03-01T09:00"), local("2027-03-01T12:00")),
                new RequestRuleChecker.Absence(ann, local("2027-03-01T14:00"), local("2027-03-01T15:00")),
                new RequestRuleChecker.Absence(ben, local("2027-03-01T09:00"), local("2027-03-01T13:00")));
        // Ann's afternoon slot overlaps, Ben's ends as ours starts: one other person away
        assertThat(RequestRuleChecker.staffing(rules(null, null, null, 2), days, SCHEDULE, start, end, others)).isEmpty();
        var refused = RequestRuleChecker.staffing(rules(null, null, null, 1), days, SCHEDULE, start, end, others);
        assertThat(refused).extracting(RequestRuleChecker.Violation::code).containsExactly("rule_staffing");
        assertThat(refused.get(0).context()).containsEntry("already_away", 1).containsEntry("date", "2027-03-01");
    }
}
