package com.powerpto.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST …/imports/balances}: opening balances as ADJUSTMENTs, idempotent per row, same report as employees. */
class BalanceImportApiTest extends ApiTest {

    World world;
    Person emma;
    Person liam;
    UUID vacation;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
        emma = world.employee("Emma", null, Map.of("email", "emma@acme.test", "workday_minutes", 450));
        liam = world.employee("Liam", null, Map.of("email", "liam@acme.test"));
        vacation = world.timePolicy("vacation", Map.of());
        world.assign(vacation, emma, "2026-01-01", null);
        world.assign(vacation, liam, "2026-01-01", null);
    }

    Http.Response upload(String query, String csv) {
        return world.asAdmin().send("POST", world.base() + "/imports/balances" + query, csv, "text/csv");
    }

    static final String DAYS = "email,policy_key,amount_days,as_of,reason\n"
            + "emma@acme.test,vacation,2.5,2026-01-01,Carried from the old system\n"
            + "LIAM@acme.test,vacation,10,2026-01-01,Carried from the old system\n";

    @Test
    void daysAreTheEmployeesWorkdayMinutesAndAReImportPostsNothing() {
        JsonNode dry = upload("?dry_run=true", DAYS).expectJson(200);
        assertThat(dry.path("created").asInt()).isEqualTo(2);
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isZero();

        JsonNode real = upload("", DAYS).expectJson(200);
        assertThat(real.path("created").asInt()).isEqualTo(2);
        // 2.5 days × 450 minutes (Emma's workday) = 1125; 10 days × 480 = 4800.
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isEqualTo(1125);
        assertThat(world.balance(liam, vacation).path("available_minutes").asLong()).isEqualTo(4800);
        JsonNode entry = world.ledger(emma, vacation).get(0);
        assertThat(entry.path("entry_type").asText()).isEqualTo("ADJUSTMENT");
        assertThat(entry.path("metadata_json").path("reason").asText()).contains("as of 2026-01-01");

        JsonNode again = upload("", DAYS).expectJson(200);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isEqualTo(1125);
        assertThat(world.asAdmin().get(world.base() + "/audit-log?entity_type=ADJUSTMENT").expectJson(200).path("total").asInt())
                .isEqualTo(2);

        upload("", "email,policy_key,amount_hours,as_of,reason\nemma@acme.test,vacation,1.5,2026-02-01,Bonus\n").expectJson(200);
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isEqualTo(1125 + 90);
    }

    @Test
    void everyBadRowIsReportedAndARealRunPostsNothing() {
        String bad = "email,policy_key,amount_minutes,as_of,reason\n"
                + "emma@acme.test,vacation,600,2026-01-01,ok\n"
                + "ghost@acme.test,vacation,600,2026-01-01,who\n"
                + "emma@acme.test,nope,600,2026-01-01,what\n"
                + "emma@acme.test,vacation,600,01/02/2026,when\n"
                + "emma@acme.test,vacation,0,2026-01-01,zero\n"
                + "emma@acme.test,vacation,1.5,2026-01-01,fraction\n"
                + "liam@acme.test,vacation,-5000,2026-01-01,below the floor\n"
                + "emma@acme.test,vacation,600,2026-01-01,ok\n";
        JsonNode report = upload("?dry_run=true", bad).expectJson(200);
        EmployeeImportApiTest.assertProblems(report,
                "3 email no employee",
                "4 policy_key no policy",
                "5 as_of \"01/02/2026\" is not a date",
                "6 amount_minutes must not be 0",
                "7 amount_minutes \"1.5\" is not a number",
                "8 null insufficient balance",
                "9 null the same balance line as row 2");
        upload("", bad).expectError(422);
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isZero();

        JsonNode twoAmounts = upload("?dry_run=true", "email,policy_key,amount_minutes,amount_days,as_of,reason\n"
                + "emma@acme.test,vacation,1,1,2026-01-01,x\n").expectJson(200);
        EmployeeImportApiTest.assertProblems(twoAmounts, "1 amount_days exactly one of");
    }

    /** Issue 26: a row whose cell the reader refused (a formula) still gets every other check in the same upload. */
    @Test
    void aRowWithAFormulaCellIsStillCheckedInFullAndNeverPosted() {
        String csv = "email,policy_key,amount_days,as_of,reason\n"
                + "nobody@acme.test,no-such-policy,2,2026-13-01,=cmd()\n"
                + "emma@acme.test,vacation,1,2026-01-01,Fine\n";
        JsonNode report = upload("?dry_run=true", csv).expectJson(200);
        java.util.List<String> codes = new java.util.ArrayList<>();
        report.path("errors").forEach(e -> codes.add(e.path("row").asInt() + " " + e.path("code").asText()));
        assertThat(codes).containsExactly("2 cell_formula", "2 employee_unknown", "2 policy_unknown", "2 date_invalid");
        assertThat(report.path("created").asInt()).isEqualTo(1);

        String formulaOnly = "email,policy_key,amount_days,as_of,reason\nemma@acme.test,vacation,1,2026-01-01,@SUM(1)\n";
        JsonNode refused = upload("", formulaOnly).expectError(422);
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("cell_formula");
        assertThat(world.balance(emma, vacation).path("available_minutes").asLong()).isZero();
    }
}
