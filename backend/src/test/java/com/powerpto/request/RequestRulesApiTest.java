package com.powerpto.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.Http;
import com.powerpto.support.LedgerCheckedTest;
import com.powerpto.support.Person;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Request rules of a policy version (issue 19): validation, enforcement on submit, preview warnings, the race. */
class RequestRulesApiTest extends LedgerCheckedTest {

    static final Map<String, Object> BLACKOUT = Map.of("start_date", "2027-12-28", "end_date", "2028-01-02",
            "name", "Year-end close");

    UUID policyWith(Map<String, Object> rules) {
        UUID policy = world.timePolicy("vacation-" + UUID.randomUUID().toString().substring(0, 6),
                Map.of("request_rules", rules));
        return policy;
    }

    Person withBalance(Person person, UUID policy) {
        world.assign(policy, person, "2026-01-01", null);
        world.adjust(person, policy, 100 * 480, "plenty");
        return person;
    }

    JsonNode policySettingsError(Map<String, Object> rules) {
        Map<String, Object> settings = new HashMap<>(Map.of("type", "UNLIMITED", "request_rules", rules));
        return world.asAdmin().post(world.base() + "/policies", Map.of("key", "bad-" + UUID.randomUUID(),
                "category", "SICK", "version", Map.of("effective_from", "2026-01-01", "settings", settings))).expectError(422);
    }

    @Test
    void rulesAreValidatedStrictlyAndNamedByField() {
        assertThat(policySettingsError(Map.of("min_notice_days", -1)).path("error").asText())
                .startsWith("settings.request_rules.min_notice_days");
        assertThat(policySettingsError(Map.of("max_consecutive_days", 0)).path("error").asText())
                .startsWith("settings.request_rules.max_consecutive_days");
        assertThat(policySettingsError(Map.of("notice", 3)).path("error").asText())
                .startsWith("settings.request_rules.notice");
        assertThat(policySettingsError(Map.of("blackout_periods", List.of(Map.of("start_date", "2027-12-28",
                "end_date", "2027-12-01")))).path("error").asText())
                .startsWith("settings.request_rules.blackout_periods[0].end_date");
        assertThat(policySettingsError(Map.of("blackout_periods", List.of(Map.of("start_date", "28.12.2027",
                "end_date", "2027-12-30")))).path("error").asText())
                .startsWith("settings.request_rules.blackout_periods[0].start_date");
        assertThat(policySettingsError(Map.of("max_concurrent_absences", Map.of("scope", "TEAM"))).path("error").asText())
                .startsWith("settings.request_rules.max_concurrent_absences.limit");
        assertThat(policySettingsError(Map.of("max_concurrent_absences", Map.of("scope", "OFFICE", "limit", 2)))
                .path("error").asText()).startsWith("settings.request_rules.max_concurrent_absences.scope");
        assertThat(policySettingsError(Map.of("max_concurrent_absences", Map.of("scope", "department", "limit", 2)))
                .path("error").asText()).startsWith("settings.request_rules.max_concurrent_absences.scope");
        // a valid set is stored and shown as given
        UUID policy = policyWith(Map.of("min_notice_days", 14, "max_consecutive_days", 10,
                "blackout_periods", List.of(BLACKOUT), "max_concurrent_absences", Map.of("scope", "TEAM", "limit", 2)));
        JsonNode rules = world.asAdmin().get(world.base() + "/policies/" + policy).expectJson(200)
                .path("current_version").path("settings").path("request_rules");
        assertThat(rules.path("min_notice_days").asInt()).isEqualTo(14);
        assertThat(rules.path("blackout_periods").get(0).path("name").asText()).isEqualTo("Year-end close");
        assertThat(rules.path("max_concurrent_absences").path("scope").asText()).isEqualTo("TEAM");
        // DEPARTMENT is accepted now that employees carry a department (issue 15)
        UUID byDepartment = policyWith(Map.of("max_concurrent_absences", Map.of("scope", "DEPARTMENT", "limit", 3)));
        JsonNode staffing = world.asAdmin().get(world.base() + "/policies/" + byDepartment).expectJson(200)
                .path("current_version").path("settings").path("request_rules").path("max_concurrent_absences");
        assertThat(staffing.path("scope").asText()).isEqualTo("DEPARTMENT");
        assertThat(staffing.path("limit").asInt()).isEqualTo(3);
    }

    @Test
    void aRequestIntoABlackoutIsRefusedWithASentence() {
        UUID policy = policyWith(Map.of("blackout_periods", List.of(BLACKOUT)));
        Person emma = withBalance(world.employee("Emma", null), policy);
        JsonNode error = world.submit(emma, policy, "2027-12-27T09:00", "2027-12-28T17:00").expectError(400);
        assertThat(error.path("code").asText()).isEqualTo("rule_blackout");
        assertThat(error.path("detail").asText()).contains("Year-end close").contains("2027-12-28");
        assertThat(error.path("context").path("blackout_start_date").asText()).isEqualTo("2027-12-28");
        // the day before the period is fine; so is a weekend inside it that takes no working time
        world.submit(emma, policy, "2027-12-24T09:00", "2027-12-27T17:00").expect(201);
        assertThat(world.balance(emma, policy).path("held_minutes").asLong()).isEqualTo(2 * 480);
    }

    @Test
    void tooShortANoticeIsRefused() {
        UUID policy = policyWith(Map.of("min_notice_days", 14));
        Person emma = withBalance(world.employee("Emma", null), policy);
        LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        while (soon.getDayOfWeek() == DayOfWeek.SATURDAY || soon.getDayOfWeek() == DayOfWeek.SUNDAY) {
            soon = soon.plusDays(1);
        }
        JsonNode error = world.submit(emma, policy, soon + "T09:00", soon + "T17:00").expectError(400);
        assertThat(error.path("code").asText()).isEqualTo("rule_min_notice");
        assertThat(error.path("detail").asText()).contains("14 days' notice");
        assertThat(error.path("context").path("earliest_start_date").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(21);
        while (later.getDayOfWeek() == DayOfWeek.SATURDAY || later.getDayOfWeek() == DayOfWeek.SUNDAY) {
            later = later.plusDays(1);
        }
        world.submit(emma, policy, later + "T09:00", later + "T17:00").expect(201);
    }

    @Test
    void moreWorkingDaysInARowThanAllowedAreRefused() {
        UUID policy = policyWith(Map.of("max_consecutive_days", 3));
        Person emma = withBalance(world.employee("Emma", null), policy);
        // Thu 2027-03-04 to Tue 2027-03-09: four working days (the weekend does not count)
        JsonNode error = world.submit(emma, policy, "2027-03-04T00:00", "2027-03-10T00:00").expectError(400);
        assertThat(error.path("code").asText()).isEqualTo("rule_max_consecutive");
        assertThat(error.path("context").path("requested_days").asInt()).isEqualTo(4);
        // Fri to Tue is three working days
        world.submit(emma, policy, "2027-03-05T00:00", "2027-03-10T00:00").expect(201);
    }

    @Test
    void theStaffingRuleCountsTeammatesAwayAtTheSameTime() {
        UUID policy = policyWith(Map.of("max_concurrent_absences", Map.of("scope", "TEAM", "limit", 2)));
        Person mia = world.manager("Mia");
        Person ann = withBalance(world.employee("Ann", mia.id()), policy);
        Person ben = withBalance(world.employee("Ben", mia.id()), policy);
        Person cas = withBalance(world.employee("Cas", mia.id()), policy);
        Person outsider = withBalance(world.employee("Olga", null), policy);
        world.submit(ann, policy, "2027-03-01T09:00", "2027-03-01T17:00").expect(201);
        world.submit(ben, policy, "2027-03-01T09:00", "2027-03-01T12:00").expect(201);
        world.submit(outsider, policy, "2027-03-01T09:00", "2027-03-01T17:00").expect(201);
        JsonNode error = world.submit(cas, policy, "2027-03-01T10:00", "2027-03-01T11:00").expectError(400);
        assertThat(error.path("code").asText()).isEqualTo("rule_staffing");
        assertThat(error.path("context").path("already_away").asInt()).isEqualTo(2);
        assertThat(error.path("detail").asText()).contains("2027-03-01").contains("at most 2");
        // the afternoon: only Ann is away, so Cas makes two
        world.submit(cas, policy, "2027-03-01T13:00", "2027-03-01T17:00").expect(201);
        // a cancelled request no longer counts
        String benTuesday = world.submit(ben, policy, "2027-03-02T09:00", "2027-03-02T17:00").expectJson(201).path("id").asText();
        world.submit(ann, policy, "2027-03-02T09:00", "2027-03-02T17:00").expect(201);
        world.submit(cas, policy, "2027-03-02T09:00", "2027-03-02T17:00").expectError(400);
        world.as(ben).post(world.base() + "/requests/" + benTuesday + "/cancel", null).expect(200);
        world.submit(cas, policy, "2027-03-02T09:00", "2027-03-02T17:00").expect(201);
    }

    @Test
    void twoRequestsThatTogetherBreakTheStaffingRuleSubmittedAtOnceGiveOneRefusal() throws Exception {
        UUID policy = policyWith(Map.of("max_concurrent_absences", Map.of("scope", "TEAM", "limit", 1)));
        Person mia = world.manager("Mia");
        Person ann = withBalance(world.employee("Ann", mia.id()), policy);
        Person ben = withBalance(world.employee("Ben", mia.id()), policy);
        oneOfTwoSimultaneousRequestsIsRefusedEachDay(policy, ann, ben);
    }

    @Test
    void anAdminMaySubmitPastARuleWithAReasonAndItIsAudited() {
        UUID policy = policyWith(Map.of("blackout_periods", List.of(BLACKOUT)));
        Person mia = world.manager("Mia");
        Person emma = withBalance(world.employee("Emma", mia.id()), policy);
        Map<String, Object> body = new HashMap<>(world.request(emma, policy, "2027-12-28T09:00", "2027-12-28T17:00"));
        body.put("rule_override_reason", "Approved by the CFO: family emergency");
        // a manager may not override
        world.as(mia).post(world.base() + "/requests", body).expectError(403);
        // an admin without a reason gets the rule
        world.asAdmin().post(world.base() + "/requests", world.request(emma, policy, "2027-12-28T09:00", "2027-12-28T17:00"))
                .expectError(400);
        JsonNode created = world.asAdmin().post(world.base() + "/requests", body).expectJson(201);
        assertThat(created.path("rules_overridden").get(0).asText()).isEqualTo("rule_blackout");
        assertThat(created.path("rule_override_reason").asText()).isEqualTo("Approved by the CFO: family emergency");
        JsonNode audit = world.asAdmin().get(world.base() + "/audit-log?entity_type=REQUEST&action=SUBMIT").expectJson(200);
        JsonNode after = audit.path("items").get(0).path("after_json");
        assertThat(after.path("rules_overridden").get(0).asText()).isEqualTo("rule_blackout");
        assertThat(after.path("rule_override_reason").asText()).contains("CFO");
        assertThat(audit.path("items").get(0).path("actor_id").asText()).isEqualTo(world.admin.id().toString());
        // a blank reason is malformed
        body.put("rule_override_reason", " ");
        world.asAdmin().post(world.base() + "/requests", body).expectError(422);
    }

    @Test
    void thePreviewShowsBrokenRulesAsWarningsAndTheDayByDayBreakdown() {
        UUID policy = policyWith(Map.of("blackout_periods", List.of(BLACKOUT), "max_consecutive_days", 1));
        Person emma = withBalance(world.employee("Emma", null), policy);
        world.holiday("2027-12-24", "Christmas Eve");
        Http.Response preview = world.as(emma).post(world.base() + "/requests/preview",
                world.request(emma, policy, "2027-12-24T00:00", "2027-12-29T00:00"));
        JsonNode body = preview.expectJson(200);
        assertThat(body.path("requested_minutes").asLong()).isEqualTo(2 * 480);
        assertThat(body.path("rule_violations").findValuesAsText("code"))
                .containsExactly("rule_max_consecutive", "rule_blackout");
        assertThat(body.path("warnings").toString()).contains("Year-end close");
        List<String> days = new java.util.ArrayList<>();
        body.path("days").forEach(d -> days.add(d.path("date").asText() + " " + d.path("minutes").asLong() + " "
                + d.path("reason").asText()));
        assertThat(days).containsExactly("2027-12-24 0 HOLIDAY", "2027-12-25 0 WEEKEND", "2027-12-26 0 WEEKEND",
                "2027-12-27 480 WORKDAY", "2027-12-28 480 WORKDAY");
        assertThat(world.ledger(emma, policy)).hasSize(1); // the opening adjustment only
    }

    // --- DEPARTMENT scope ---

    Person inDepartment(String name, UUID managerId, String department, UUID policy) {
        Map<String, Object> overrides = department == null ? Map.of() : Map.of("department", department);
        return withBalance(world.employee(name, managerId, overrides), policy);
    }

    @Test
    void theDepartmentStaffingRuleCountsColleaguesOfTheSameDepartmentWhoeverTheirManager() {
        UUID policy = policyWith(Map.of("max_concurrent_absences", Map.of("scope", "DEPARTMENT", "limit", 2)));
        Person mia = world.manager("Mia");
        Person otto = world.manager("Otto");
        Person ann = inDepartment("Ann", mia.id(), "Finance", policy);
        Person ben = inDepartment("Ben", otto.id(), "Finance", policy); // another team, same department
        Person cas = inDepartment("Cas", null, "Finance", policy);      // no manager: still in the department
        Person dora = inDepartment("Dora", mia.id(), "Sales", policy);  // Ann's team, another department
        Person eve = inDepartment("Eve", mia.id(), null, policy);       // no department: the rule does not apply
        Person fin = inDepartment("Fin", null, "finance", policy);      // names match exactly: another department
        world.submit(ann, policy, "2027-03-01T09:00", "2027-03-01T17:00").expect(201);
        world.submit(ben, policy, "2027-03-01T09:00", "2027-03-01T12:00").expect(201);
        world.submit(dora, policy, "2027-03-01T09:00", "2027-03-01T17:00").expect(201);
        world.submit(fin, policy, "2027-03-01T09:00", "2027-03-01T17:00").expect(201);
        JsonNode error = world.submit(cas, policy, "2027-03-01T10:00", "2027-03-01T11:00").expectError(400);
        assertThat(error.path("code").asText()).isEqualTo("rule_staffing");
        assertThat(error.path("context").path("scope").asText()).isEqualTo("DEPARTMENT");
        assertThat(error.path("context").path("already_away").asInt()).isEqualTo(2);
        assertThat(error.path("detail").asText()).contains("of your department").contains("2027-03-01").contains("at most 2");
        // the preview shows the same rule as a warning, without refusing
        JsonNode preview = world.as(cas).post(world.base() + "/requests/preview",
                world.request(cas, policy, "2027-03-01T10:00", "2027-03-01T11:00")).expectJson(200);
        assertThat(preview.path("rule_violations").findValuesAsText("code")).containsExactly("rule_staffing");
        // the afternoon: only Ann of Finance is away, so Cas makes two
        world.submit(cas, policy, "2027-03-01T13:00", "2027-03-01T17:00").expect(201);
        // without a department, Eve is in no group: four people are away that Monday, she may still go
        world.submit(eve, policy, "2027-03-01T09:00", "2027-03-01T17:00").expect(201);
        // 09:00-10:00 Ann and Ben of Finance are away, so Gus would make three; once Ben has moved to
        // Sales (the department is read at submit time) Gus makes two
        Person gus = inDepartment("Gus", null, "Finance", policy);
        world.submit(gus, policy, "2027-03-01T09:00", "2027-03-01T10:00").expectError(400);
        world.asAdmin().put(world.base() + "/employees/" + ben.id(), Map.of("department", "Sales")).expect(200);
        world.submit(gus, policy, "2027-03-01T09:00", "2027-03-01T10:00").expect(201);
    }

    @Test
    void twoRequestsThatTogetherBreakTheDepartmentRuleSubmittedAtOnceGiveOneRefusal() throws Exception {
        UUID policy = policyWith(Map.of("max_concurrent_absences", Map.of("scope", "DEPARTMENT", "limit", 1)));
        // different managers: only the department lock can serialise these two
        Person ann = inDepartment("Ann", world.manager("Mia").id(), "Finance", policy);
        Person ben = inDepartment("Ben", world.manager("Otto").id(), "Finance", policy);
        oneOfTwoSimultaneousRequestsIsRefusedEachDay(policy, ann, ben);
    }

    /** Five days in a row, both submit for the same day at once: exactly one is accepted each time. */
    private void oneOfTwoSimultaneousRequestsIsRefusedEachDay(UUID policy, Person ann, Person ben) throws Exception {
        LocalDate monday = LocalDate.of(2027, 3, 1);
        for (int round = 0; round < 5; round++) {
            LocalDate day = monday.plusDays(round);
            List<Integer> statuses = RequestConcurrencyTest.race(2, i ->
                    world.submit(i == 0 ? ann : ben, policy, day + "T09:00", day + "T17:00"));
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 400);
        }
        JsonNode submitted = world.asAdmin().get(world.base() + "/requests?status=SUBMITTED&limit=100").expectJson(200);
        assertThat(submitted.path("total").asInt()).isEqualTo(5);
    }
}
