package com.powerpto.accrual;

import com.powerpto.support.WorkerHorizon;
import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.worker.WorkerCycle;
import com.powerpto.payroll.PayrollSignature;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.support.Http;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: the payroll review's wrong-money scenarios, plus part-time proration and withdrawing a
 * termination, one row each, through HTTP on the real database. Every figure is computed by hand in
 * the scenario's comment; a scenario answers named figures and the table holds what they must be.
 * <p>
 * "Today" is the application clock; the accrual worker's last completed date (the horizon up to
 * which corrections post) is put on today's date, as a worker running every day would leave it.
 * Jobs are run for a date the way the worker runs them (the admin triggers). After every scenario
 * the balances reconcile with the ledger and with the timeline, and a recalculation posts nothing.
 */
@Import(MutableClock.Config.class)
class TimelineScenariosApiTest extends LedgerCheckedTest {

    static final String WEBHOOK = "/api/webhooks/payroll_processed";

    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JobProgressRepository progress;
    @Autowired
    PtoProperties properties;

    private WorkerHorizon horizon;

    @BeforeEach
    void rememberHorizon() {
        horizon = WorkerHorizon.save(progress, jdbc);
    }

    @AfterEach
    void restoreClockAndHorizon() {
        clock.reset();
        horizon.restore();
    }

    /** One row of the table: what is done, and the figures it must end with. */
    record Scenario(String name, Function<Ctx, Map<String, Long>> run, Map<String, Long> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) {
        Ctx ctx = new Ctx();
        Map<String, Long> figures = scenario.run().apply(ctx);
        assertThat(figures).as(scenario.name()).containsExactlyInAnyOrderEntriesOf(scenario.expected());
        // The ledger holds what the timeline says, and asking again posts nothing.
        JsonNode reconciliation = world.asAdmin().get(world.base() + "/reconciliation").expectJson(200);
        assertThat(reconciliation.path("mismatches")).as("snapshots vs ledger").isEmpty();
        assertThat(reconciliation.path("accrual_mismatches")).as("posted vs timeline").isEmpty();
        for (Person p : ctx.people) {
            JsonNode again = world.asAdmin().post(world.base() + "/employees/" + p.id() + "/accruals/recalculate", null)
                    .expectJson(200);
            assertThat(again.path("entries_posted").asInt()).as("a second recalculation of " + p.id()).isZero();
        }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                // 1. A leaver on the last day of the fiscal year keeps the payout. Fiscal reset 1 Dec, cap 2,400;
                // MONTHLY 800 on the 1st from 1 Jan 2026: Jan..Nov = 11 × 800 = 8,800. Last day 30 Nov. The
                // reset run of 1 Dec must not carry over (employment ended before the reset): 8,800 stays.
                new Scenario("leaver on the fiscal year's last day keeps the payout", c -> {
                    c.today("2026-11-20");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of("carryover",
                            Map.of("enabled", true, "cap_minutes", 2400, "reset_month", 12, "reset_day", 1)));
                    Person emma = c.employee("Emma", Map.of("hire_date", "2025-06-01"));
                    c.assign(policy, emma, "2026-01-01");
                    c.terminate(emma, "2026-11-30");
                    long before = c.payable(emma, policy);
                    c.today("2026-12-01");
                    c.carryover("2026-12-01");
                    c.expiration("2026-12-01");
                    return Map.of("before_reset", before, "after_reset", c.payable(emma, policy));
                }, Map.of("before_reset", 8800L, "after_reset", 8800L)),

                // 2. A rehire never touches the first employment. Tiers: 800/month, 1,000 from 12 months.
                // Hired 2024-01-01, last day 2025-04-30: 2024 = 12 × 800 = 9,600; Jan..Apr 2025 (months 12..15)
                // = 4 × 1,000 = 4,000 → 13,600. Rehired 2026-01-01, assigned again: Jan..Mar 2026 = 3 × 800 =
                // 2,400 (tenure of the new employment). Total 16,000 and no correction of a 2025 grant.
                new Scenario("rehire keeps the first employment's tenure grants", c -> {
                    c.today("2026-03-15");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of("tenure_tiers",
                            List.of(Map.of("min_months", 12, "accrual_rate_minutes", 1000))));
                    Person emma = c.employee("Emma", Map.of("hire_date", "2024-01-01"));
                    c.assign(policy, emma, "2024-01-01");
                    c.terminate(emma, "2025-04-30");
                    long first = c.accrued(emma, policy);
                    c.admin().post(c.employeeUrl(emma) + "/rehire", Map.of("hire_date", "2026-01-01")).expect(200);
                    c.assign(policy, emma, "2026-01-01");
                    return Map.of("first_employment", first, "accrued", c.accrued(emma, policy),
                            "corrections_of_2025_jan_to_apr", c.entries(emma, policy).stream()
                                    .filter(e -> e.path("entry_type").asText().equals("ACCRUAL_CORRECTION")
                                            && e.path("effective_at").asText().compareTo("2025-05") < 0
                                            && e.path("effective_at").asText().compareTo("2025-01") > 0).count());
                }, Map.of("first_employment", 13600L, "accrued", 16000L, "corrections_of_2025_jan_to_apr", 0L)),

                // 3. An opening balance "5 days as of 30 Nov" (2,400) is dated 30 Nov and replaces every grant
                // on or before it. MONTHLY 800 on the 1st from 2025-06-01: only 1 Dec 2026 is granted → 3,200.
                new Scenario("opening balance as of a date is not counted twice", c -> {
                    c.today("2026-12-03");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of());
                    Person liam = c.employee("Liam", Map.of("hire_date", "2025-06-01", "email", "liam-" + c.tag + "@acme.test"));
                    c.assign(policy, liam, "2025-06-01");
                    String key = c.policyKey(policy);
                    c.admin().send("POST", c.world().base() + "/imports/balances",
                            "email,policy_key,as_of,amount_days,reason\r\nliam-" + c.tag + "@acme.test," + key
                                    + ",2026-11-30,5,opening balance\r\n", "text/csv").expectJson(200);
                    JsonNode opening = c.entries(liam, policy).stream()
                            .filter(e -> e.path("entry_type").asText().equals("ADJUSTMENT")).findFirst().orElseThrow();
                    return Map.of("accrued", c.accrued(liam, policy),
                            "opening_dated_30_nov", opening.path("effective_at").asText().startsWith("2026-11-30") ? 1L : 0L);
                }, Map.of("accrued", 3200L, "opening_dated_30_nov", 1L)),

                // 4. Carryover never takes a balance below its floor. Balance 2,880 (an adjustment in June), cap
                // 2,240, no negative balance. Six days of January leave (2,880) approved in December. On 1 Jan the
                // excess 640 would leave 2,880 − 2,880 − 640 = −640: it is not forfeited. Available 0.
                new Scenario("carryover respects the floor with new-year leave approved", c -> {
                    UUID policy = c.hoursPolicy(Map.of("carryover", Map.of("enabled", true, "cap_minutes", 2240)));
                    Person emma = c.employee("Emma", Map.of());
                    c.assign(policy, emma, "2026-01-01");
                    c.today("2026-06-01");
                    c.world().adjust(emma, policy, 2880, "balance");
                    c.today("2026-12-10");
                    c.approve(c.submit(emma, policy, "2027-01-04T09:00", "2027-01-11T17:00"));
                    c.today("2027-01-01");
                    c.carryover("2027-01-01");
                    return Map.of("available", c.available(emma, policy), "expired", -c.sum(emma, policy, "EXPIRATION"));
                }, Map.of("available", 0L, "expired", 0L)),

                // 5. Hours-worked accruals are not prorated again. 2 minutes per 60 worked; a new hire (9 Mar) worked
                // 2,400 minutes in the run 2–15 Mar: 2,400 × 2 ÷ 60 = 80 (not 80 × 7 ÷ 14 = 40).
                new Scenario("hours worked are not prorated by days employed", c -> {
                    c.today("2026-03-20");
                    UUID policy = c.hoursPolicy(Map.of());
                    Person hana = c.employee("Hana", Map.of("hire_date", "2026-03-09"));
                    c.assign(policy, hana, "2026-03-09");
                    c.payroll("run-" + c.tag, "2026-03-02", "2026-03-15", hana, 2400);
                    return Map.of("accrued", c.accrued(hana, policy));
                }, Map.of("accrued", 80L)),

                // 6. Approved leave across the last day keeps only the days up to it. Balance 4,800; leave Mon 8 –
                // Fri 12 Jun (5 × 480 = 2,400) approved; last day Wed 10 Jun: 3 days used (1,440), 960 given back;
                // payable 4,800 − 1,440 = 3,360.
                new Scenario("approved leave spanning the last day is charged up to it", c -> {
                    c.today("2026-06-01");
                    UUID policy = c.hoursPolicy(Map.of());
                    Person emma = c.employee("Emma", Map.of());
                    c.assign(policy, emma, "2026-01-01");
                    c.world().adjust(emma, policy, 4800, "balance");
                    c.approve(c.submit(emma, policy, "2026-06-08T09:00", "2026-06-12T17:00"));
                    c.today("2026-06-09");
                    c.terminate(emma, "2026-06-10");
                    return Map.of("used", c.world().balance(emma, policy).path("used_minutes").asLong(),
                            "payable", c.payable(emma, policy));
                }, Map.of("used", 1440L, "payable", 3360L)),

                // 7. Usage belongs to the employee's local day. Auckland, fiscal reset 1 Dec, cap 2,400, balance
                // 3,000. A day off on Tue 1 Dec local (30 Nov 20:00 UTC), 480. The old year holds 3,000: 2,400
                // carried, 600 forfeited; available 3,000 − 600 − 480 = 1,920.
                new Scenario("an Auckland day off on 1 Dec is new-year usage", c -> {
                    UUID policy = c.hoursPolicy(Map.of("carryover",
                            Map.of("enabled", true, "cap_minutes", 2400, "reset_month", 12, "reset_day", 1)));
                    Person ana = c.employee("Ana", Map.of("timezone", "Pacific/Auckland"));
                    c.assign(policy, ana, "2026-01-01");
                    c.today("2026-06-01");
                    c.world().adjust(ana, policy, 3000, "balance");
                    c.today("2026-11-20");
                    c.approve(c.submit(ana, policy, "2026-12-01T09:00", "2026-12-01T17:00"));
                    c.today("2026-12-02");
                    c.carryover("2026-12-01");
                    return Map.of("available", c.available(ana, policy), "expired", -c.sum(ana, policy, "EXPIRATION"));
                }, Map.of("available", 1920L, "expired", 600L)),

                // 8. Carried minutes expire by what was used from the reset to the day before the expiry. Balance
                // 3,000, cap 2,400, carried minutes expire after 30 days (start of 31 Jan). 1 Jan: 600 forfeited,
                // 2,400 carried. 15 Jan: +1,000 (new-year minutes). 20 Jan: a day off on Mon 8 Feb (480) is booked.
                // 31 Jan: nothing was used 1–30 Jan, so all 2,400 carried minutes expire (the February day comes
                // from the new-year minutes): 3,000 − 600 + 1,000 − 2,400 − 480 = 520.
                new Scenario("carried minutes expire by usage before the expiry only", c -> {
                    UUID policy = c.hoursPolicy(Map.of("carryover",
                            Map.of("enabled", true, "cap_minutes", 2400, "expires_after_days", 30)));
                    Person emma = c.employee("Emma", Map.of());
                    c.assign(policy, emma, "2026-01-01");
                    c.today("2026-06-01");
                    c.world().adjust(emma, policy, 3000, "balance");
                    c.today("2027-01-01");
                    c.carryover("2027-01-01");
                    c.today("2027-01-15");
                    c.world().adjust(emma, policy, 1000, "new year");
                    c.today("2027-01-20");
                    c.approve(c.submit(emma, policy, "2027-02-08T09:00", "2027-02-08T17:00"));
                    c.today("2027-01-31");
                    c.expiration("2027-01-31");
                    return Map.of("available", c.available(emma, policy));
                }, Map.of("available", 520L)),

                // 9. The forecast and the preview say what the jobs will post. MONTHLY 800, cap 2,400, assigned
                // 1 Oct: 2,400 banked by 1 Dec. A day off on Mon 8 Mar 2027 (480) is approved. Leave after 1 Jan does
                // not make room for the 1 Jan grant: it is 0. Forecast for 1 Jan = 2,400 − 480 = 1,920; the preview of
                // a day on 4 Jan starts from 1,920; the job of 1 Jan posts nothing, available stays 1,920.
                new Scenario("forecast and preview agree with the jobs under a cap", c -> {
                    c.today("2026-12-03");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of("bank_cap_minutes", 2400));
                    Person emma = c.employee("Emma", Map.of());
                    c.assign(policy, emma, "2026-10-01");
                    c.approve(c.submit(emma, policy, "2027-03-08T09:00", "2027-03-08T17:00"));
                    long forecast = c.forecast(emma, policy, "2027-01-01");
                    long preview = c.admin().post(c.world().base() + "/requests/preview",
                                    c.world().request(emma, policy, "2027-01-04T09:00", "2027-01-04T17:00")).expectJson(200)
                            .path("available_minutes_on_start").asLong();
                    c.today("2027-01-01");
                    c.trigger("2027-01-01");
                    return Map.of("forecast", forecast, "preview", preview, "after_job", c.available(emma, policy));
                }, Map.of("forecast", 1920L, "preview", 1920L, "after_job", 1920L)),

                // 10. A payroll run re-sent with other hours posts the difference. 2 per 60 worked: 4,800 → 160; the
                // same run id with 6,000 → 200 (+40); sent again unchanged → nothing more.
                new Scenario("a re-sent payroll run posts the difference", c -> {
                    c.today("2026-03-20");
                    UUID policy = c.hoursPolicy(Map.of());
                    Person hana = c.employee("Hana", Map.of());
                    c.assign(policy, hana, "2026-01-01");
                    String run = "run-" + c.tag;
                    c.payroll(run, "2026-03-01", "2026-03-14", hana, 4800);
                    long first = c.accrued(hana, policy);
                    c.payroll(run, "2026-03-01", "2026-03-14", hana, 6000);
                    long corrected = c.accrued(hana, policy);
                    c.payroll(run, "2026-03-01", "2026-03-14", hana, 6000);
                    return Map.of("first", first, "corrected", corrected, "again", c.accrued(hana, policy));
                }, Map.of("first", 160L, "corrected", 200L, "again", 200L)),

                // 11. A bulk assignment accrues from the hire date. Hired 15 Mar, bulk-assigned from 1 Jan, MONTHLY 800
                // on the first active day (NONE): 15 Mar, 1 Apr, 1 May, 1 Jun = 3,200 (not Jan and Feb).
                new Scenario("bulk assignment accrues from the hire date", c -> {
                    c.today("2026-06-10");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of());
                    Person emma = c.employee("Emma", Map.of("hire_date", "2026-03-15"));
                    c.admin().post(c.world().base() + "/policies/" + policy + "/assignments/bulk",
                            Map.of("employee_ids", List.of(emma.id().toString()), "effective_from", "2026-01-01")).expectJson(200);
                    c.recalculate(emma);
                    return Map.of("accrued", c.accrued(emma, policy));
                }, Map.of("accrued", 3200L)),

                // 12. A hire date changed by CSV import corrects the balance. Hired and assigned 1 Jan, MONTHLY 800:
                // Jan..Jun = 4,800. The import moves the hire date to 1 Mar: Jan and Feb are taken back → 3,200.
                new Scenario("a hire date changed by import is corrected", c -> {
                    c.today("2026-06-10");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of());
                    String email = "emma-" + c.tag + "@acme.test";
                    Person emma = c.employee("Emma", Map.of("hire_date", "2026-01-01", "email", email));
                    c.assign(policy, emma, "2026-01-01");
                    long before = c.accrued(emma, policy);
                    c.admin().send("POST", c.world().base() + "/imports/employees",
                            "email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,pay_type\r\n"
                                    + email + ",Emma,Tester,,UTC,2026-03-01,,,\r\n", "text/csv").expectJson(200);
                    return Map.of("before", before, "after", c.accrued(emma, policy));
                }, Map.of("before", 4800L, "after", 3200L)),

                // 13. The final statement counts the grants due up to the last day. MONTHLY 800 at the end of the month,
                // DAYS_ACTIVE, from 1 Jan: Jan..Nov = 8,800 posted. Last day 15 Dec (future): December's partial grant
                // 800 × 15 ÷ 31 = 387 is due that day → payable 9,187.
                new Scenario("final statement includes grants due by the last day", c -> {
                    c.today("2026-12-03");
                    UUID policy = c.monthly(800, "END_OF_PERIOD", "DAYS_ACTIVE", Map.of());
                    Person emma = c.employee("Emma", Map.of());
                    c.assign(policy, emma, "2026-01-01");
                    c.terminate(emma, "2026-12-15");
                    return Map.of("posted", c.accrued(emma, policy), "payable", c.payable(emma, policy));
                }, Map.of("posted", 8800L, "payable", 9187L)),

                // 14. Part-time proration: "2.5 days a month" = 1,200 minutes for a full-time week of 5 × 480 = 2,400. A
                // 6-hour part-timer works 5 × 360 = 1,800: 1,200 × 1,800 ÷ 2,400 = 900 a month = 2.5 of her days.
                // Apr..Jun = 2,700. Her schedule becomes 5 × 480 from 1 Jun: June is 1,200, April and May stay → 3,000.
                new Scenario("part-time proration by weekly working minutes", c -> {
                    c.today("2026-06-10");
                    UUID policy = c.monthly(1200, "START_OF_PERIOD", "NONE", Map.of("part_time_proration", true));
                    Person mia = c.employee("Mia", Map.of("workday_minutes", 360));
                    c.assign(policy, mia, "2026-04-01");
                    long partTime = c.accrued(mia, policy);
                    Map<String, Object> body = c.employeeBody(mia, "Mia");
                    body.put("workday_minutes", 480);
                    body.put("schedule_effective_from", "2026-06-01");
                    c.admin().put(c.employeeUrl(mia), body).expect(200);
                    return Map.of("part_time", partTime, "after_schedule_change", c.accrued(mia, policy));
                }, Map.of("part_time", 2700L, "after_schedule_change", 3000L)),

                // 15. A future termination can be withdrawn: the assignment end and the manager link it set come back,
                // a link an admin changed since stays, the request it cancelled is listed and stays cancelled;
                // rehire is refused while employed; once access has ended a withdrawal is 409.
                new Scenario("withdrawing a future termination restores what it changed", c -> {
                    c.today("2026-06-01");
                    UUID policy = c.hoursPolicy(Map.of());
                    Person emma = c.employee("Emma", Map.of());
                    Person bob = c.employee("Bob", Map.of("manager_id", emma.id().toString()));
                    Person carl = c.employee("Carl", Map.of("manager_id", emma.id().toString()));
                    Person dana = c.employee("Dana", Map.of());
                    c.assign(policy, emma, "2026-01-01");
                    c.world().adjust(emma, policy, 2400, "balance");
                    String july = c.submit(emma, policy, "2026-07-06T09:00", "2026-07-06T17:00");
                    c.terminate(emma, "2026-06-30");
                    long rehire = c.admin().post(c.employeeUrl(emma) + "/rehire", Map.of("hire_date", "2026-08-01")).status();
                    Map<String, Object> carlBody = c.employeeBody(carl, "Carl");
                    carlBody.put("manager_id", dana.id().toString());
                    c.admin().put(c.employeeUrl(carl), carlBody).expect(200);
                    JsonNode withdrawn = c.admin().delete(c.employeeUrl(emma) + "/termination").expectJson(200);
                    JsonNode assignment = c.admin().get(c.employeeUrl(emma) + "/assignments").expectJson(200).path("items").get(0);
                    Map<String, Long> figures = new LinkedHashMap<>();
                    figures.put("rehire_while_employed", rehire);
                    figures.put("employee_active", withdrawn.path("status").asText().equals("ACTIVE")
                            && withdrawn.path("termination_date").isNull() ? 1L : 0L);
                    figures.put("assignment_open", assignment.path("effective_to").isNull() ? 1L : 0L);
                    figures.put("bob_manager_back", c.employeeJson(bob).path("manager_id").asText().equals(emma.id().toString()) ? 1L : 0L);
                    figures.put("carl_kept_new_manager", c.employeeJson(carl).path("manager_id").asText().equals(dana.id().toString()) ? 1L : 0L);
                    figures.put("cancelled_listed", withdrawn.path("cancelled_requests").toString().contains(july) ? 1L : 0L);
                    figures.put("request_still_cancelled", c.admin().get(c.world().base() + "/requests/" + july).expectJson(200)
                            .path("status").asText().equals("CANCELLED") ? 1L : 0L);
                    figures.put("audited", c.admin().get(c.world().base() + "/audit-log?entity_type=EMPLOYEE&limit=100").expectJson(200)
                            .path("items").toString().contains("termination_withdrawn") ? 1L : 0L);
                    c.terminate(emma, "2026-06-15");
                    c.today("2026-06-16");
                    figures.put("after_access_ended", (long) c.admin().delete(c.employeeUrl(emma) + "/termination").status());
                    return figures;
                }, Map.ofEntries(Map.entry("rehire_while_employed", 409L), Map.entry("employee_active", 1L),
                        Map.entry("assignment_open", 1L), Map.entry("bob_manager_back", 1L),
                        Map.entry("carl_kept_new_manager", 1L), Map.entry("cancelled_listed", 1L),
                        Map.entry("request_still_cancelled", 1L), Map.entry("audited", 1L),
                        Map.entry("after_access_ended", 409L))),

                // 16. A day given back by a holiday's duration correction (issue 28) makes room under the cap. MONTHLY
                // 800 on the 1st, cap 2,400, assigned 1 Oct: 2,400 by 1 Dec, so 1 Jan, 1 Feb and 1 Mar grant 0. Mon 8 and
                // Tue 9 Mar 2027 are approved (960); Tue 9 Mar becomes a holiday and the correction gives 480 back: the
                // request is 480, on 8 Mar. On 1 Apr the balance is 2,400 − 480 = 1,920, so the grant is 480, not 800.
                new Scenario("a duration corrected by a holiday counts as corrected", c -> {
                    c.today("2026-12-03");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of("bank_cap_minutes", 2400));
                    Person emma = c.employee("Emma", Map.of());
                    c.assign(policy, emma, "2026-10-01");
                    String request = c.submit(emma, policy, "2027-03-08T09:00", "2027-03-09T17:00");
                    c.approve(request);
                    c.admin().post(c.world().base() + "/holidays", Map.of("date", "2027-03-09", "name", "New holiday")).expect(201);
                    long corrected = c.admin().post(c.world().base() + "/requests/duration-changes/apply", Map.of()).expectJson(200)
                            .path("corrected").asLong();
                    for (String first : List.of("2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01")) {
                        c.today(first);
                        c.trigger(first);
                    }
                    return Map.of("corrected", corrected, "requested", c.admin().get(c.world().base() + "/requests/" + request)
                                    .expectJson(200).path("requested_minutes").asLong(),
                            "days", c.days(request), "april_grant", c.sum(emma, policy, "ACCRUAL") + c.sum(emma, policy, "ACCRUAL_CORRECTION") - 2400,
                            "available", c.available(emma, policy));
                }, Map.of("corrected", 1L, "requested", 480L, "days", 480L, "april_grant", 480L, "available", 2400L)),

                // 17. The same correction made after 1 Apr corrects the grant already posted, at once. Posted with both
                // days: 1 Apr balance 2,400 − 960 = 1,440, grant 800 → 2,240. The correction gives 480 back (2,720) and
                // the 1 Apr grant becomes 480: a correction of −320, available 2,400 without any job.
                new Scenario("a duration corrected after the grants corrects them", c -> {
                    c.today("2026-12-03");
                    UUID policy = c.monthly(800, "START_OF_PERIOD", "NONE", Map.of("bank_cap_minutes", 2400));
                    Person emma = c.employee("Emma", Map.of());
                    c.assign(policy, emma, "2026-10-01");
                    c.approve(c.submit(emma, policy, "2027-03-08T09:00", "2027-03-09T17:00"));
                    for (String first : List.of("2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01")) {
                        c.today(first);
                        c.trigger(first);
                    }
                    c.today("2027-04-15");
                    long before = c.available(emma, policy);
                    c.admin().post(c.world().base() + "/holidays", Map.of("date", "2027-03-09", "name", "New holiday")).expect(201);
                    c.admin().post(c.world().base() + "/requests/duration-changes/apply", Map.of()).expect(200);
                    return Map.of("before", before, "correction", c.sum(emma, policy, "ACCRUAL_CORRECTION"),
                            "available", c.available(emma, policy));
                }, Map.of("before", 2240L, "correction", -320L, "available", 2400L))
        );
    }

    /** What a scenario works with: the world, the clock and small steps through the API. */
    class Ctx {
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final List<Person> people = new java.util.ArrayList<>();

        com.powerpto.support.World world() {
            return world;
        }

        Http admin() {
            return world.asAdmin();
        }

        /** Moves the clock to noon UTC of {@code date} and the worker's horizon to that date. */
        void today(String date) {
            clock.set(date + "T12:00:00Z");
            progress.set(WorkerCycle.DEFAULT_JOB, LocalDate.parse(date));
            jdbc.sql("UPDATE job_progress SET first_completed_date = DATE '2020-01-01' WHERE job = :job")
                    .param("job", WorkerCycle.DEFAULT_JOB).update();
        }

        UUID monthly(long rate, String timing, String proration, Map<String, Object> extra) {
            Map<String, Object> settings = new HashMap<>(Map.of("type", "ACCRUAL", "accrual_method", "TIME",
                    "accrual_frequency", "MONTHLY", "accrual_timing", timing, "rate_minutes_per_month", rate,
                    "proration", proration));
            settings.putAll(extra);
            return world.policy("monthly-" + UUID.randomUUID().toString().substring(0, 8), "VACATION", settings, "2020-01-01");
        }

        /** Hours worked, 2 minutes per 60 worked: nothing accrues by date, so balances are what the scenario puts in. */
        UUID hoursPolicy(Map<String, Object> extra) {
            Map<String, Object> settings = new HashMap<>(Map.of("type", "ACCRUAL", "accrual_method", "HOURS_WORKED",
                    "accrual_ratio", Map.of("accrue_minutes", 2, "per_worked_minutes", 60)));
            settings.putAll(extra);
            return world.policy("hours-" + UUID.randomUUID().toString().substring(0, 8), "VACATION", settings, "2020-01-01");
        }

        String policyKey(UUID policy) {
            return admin().get(world.base() + "/policies/" + policy).expectJson(200).path("key").asText();
        }

        Person employee(String first, Map<String, Object> overrides) {
            Map<String, Object> fields = new HashMap<>(overrides);
            Object manager = fields.remove("manager_id");
            Person p = world.employee(UUID.randomUUID(), first, "Tester", manager == null ? null : UUID.fromString(manager.toString()),
                    fields);
            people.add(p);
            return p;
        }

        String employeeUrl(Person p) {
            return world.base() + "/employees/" + p.id();
        }

        JsonNode employeeJson(Person p) {
            return admin().get(employeeUrl(p)).expectJson(200);
        }

        /** The employee's current fields as an upsert body (names and e-mail are required). */
        Map<String, Object> employeeBody(Person p, String first) {
            JsonNode e = employeeJson(p);
            Map<String, Object> body = new HashMap<>();
            body.put("first_name", first);
            body.put("last_name", e.path("last_name").asText());
            body.put("email", e.path("email").asText());
            return body;
        }

        void assign(UUID policy, Person p, String from) {
            world.assign(policy, p, from, null);
        }

        void terminate(Person p, String lastDay) {
            admin().post(employeeUrl(p) + "/terminate", Map.of("termination_date", lastDay)).expect(200);
        }

        String submit(Person p, UUID policy, String start, String end) {
            return world.submit(p, policy, start, end).expectJson(201).path("id").asText();
        }

        void approve(String requestId) {
            world.approve(world.admin, requestId);
        }

        void trigger(String date) {
            admin().post(world.base() + "/accruals/trigger?target_date=" + date, null).expect(200);
        }

        void carryover(String date) {
            admin().post(world.base() + "/accruals/carryover?target_date=" + date, null).expect(200);
        }

        void expiration(String date) {
            admin().post(world.base() + "/accruals/expiration?target_date=" + date, null).expect(200);
        }

        void recalculate(Person p) {
            admin().post(employeeUrl(p) + "/accruals/recalculate", null).expect(200);
        }

        void payroll(String run, String start, String end, Person p, long worked) {
            String raw = "{\"payroll_run_id\":\"" + run + "\",\"company_id\":\"" + world.companyId() + "\",\"period_start\":\""
                    + start + "\",\"period_end\":\"" + end + "\",\"entries\":[{\"employee_id\":\"" + p.id()
                    + "\",\"worked_minutes\":" + worked + "}]}";
            String signature = PayrollSignature.sign(raw.getBytes(StandardCharsets.UTF_8), properties.payrollWebhookSecret());
            http.header(PayrollSignature.HEADER, signature).post(WEBHOOK, raw).expect(200);
        }

        long accrued(Person p, UUID policy) {
            return world.balance(p, policy).path("accrued_minutes").asLong();
        }

        long available(Person p, UUID policy) {
            return world.balance(p, policy).path("available_minutes").asLong();
        }

        long payable(Person p, UUID policy) {
            for (JsonNode item : admin().get(employeeUrl(p) + "/final-statement").expectJson(200).path("items")) {
                if (item.path("policy_id").asText().equals(policy.toString())) {
                    return item.path("payable_minutes").asLong();
                }
            }
            throw new AssertionError("no final statement line for " + policy);
        }

        long forecast(Person p, UUID policy, String date) {
            for (JsonNode item : admin().get(employeeUrl(p) + "/balances/forecast?date=" + date).expectJson(200).path("items")) {
                if (item.path("policy_id").asText().equals(policy.toString())) {
                    return item.path("projected_available_minutes").asLong();
                }
            }
            throw new AssertionError("no forecast line for " + policy);
        }

        List<JsonNode> entries(Person p, UUID policy) {
            return world.ledger(p, policy);
        }

        long sum(Person p, UUID policy, String type) {
            return entries(p, policy).stream().filter(e -> e.path("entry_type").asText().equals(type))
                    .mapToLong(e -> e.path("amount_minutes").asLong()).sum();
        }

        /** The minutes of the request's stored day split. */
        long days(String requestId) {
            return jdbc.sql("SELECT coalesce(sum(minutes), 0) FROM request_days WHERE company_id = :c AND request_id = CAST(:r AS uuid)")
                    .param("c", world.companyId()).param("r", requestId).query(Long.class).single();
        }

        long count(Person p, UUID policy, String type) {
            return entries(p, policy).stream().filter(e -> e.path("entry_type").asText().equals(type)).count();
        }
    }
}
