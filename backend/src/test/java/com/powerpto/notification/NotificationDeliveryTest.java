package com.powerpto.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.BatchGate;
import com.powerpto.accrual.JobKind;
import com.powerpto.accrual.TimelineJob;
import com.powerpto.accrual.ForfeitWarningJob;
import com.powerpto.accrual.RunTrigger;
import com.powerpto.auth.AccountService;
import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.MutableClock;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every message kind through a real SMTP server (GreenMail) started by the test: recipient,
 * subject, amounts, links; rollback; the server down for a while; two workers at once.
 */
@Import(MutableClock.Config.class)
class NotificationDeliveryTest extends ApiTest {

    static final String BASE = "https://pto.example.test";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtpServer.start();
        registry.add("pto.notifications.smtp.host", () -> "127.0.0.1");
        registry.add("pto.notifications.smtp.port", () -> TestSmtpServer.PORT);
        registry.add("pto.notifications.base-url", () -> BASE);
        registry.add("pto.notifications.mail-from", () -> "Power PTO <pto@example.test>");
        registry.add("pto.notifications.smtp.timeout-ms", () -> 2000);
    }

    @Autowired
    OutboxDelivery delivery;
    @Autowired
    Notifications notifications;
    @Autowired
    AccountService accounts;
    @Autowired
    ForfeitWarningJob forfeitWarnings;
    @Autowired
    TimelineJob jobs;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MutableClock clock;

    World world;
    Person manager;
    Person employee;
    UUID policy;

    @BeforeEach
    void world() {
        TestSmtpServer.start();
        world = fixtures.newWorld();
        manager = world.manager("Mia");
        // The employee lives in New York: dates in her messages are New York dates.
        employee = world.employee("Eve", manager.id(), Map.of("timezone", "America/New_York"));
        policy = world.timePolicy("vacation", Map.of("unit", "DAYS"));
        world.assign(policy, employee, "2020-01-01", null);
        world.adjust(employee, policy, 20 * 480, "opening balance");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void restart() {
        TestSmtpServer.start();
    }

    private void deliver() {
        delivery.deliverDue(Instant.now().plusSeconds(1), 1000);
    }

    private String email(Person p) {
        return jdbc.sql("SELECT email FROM employees WHERE company_id = :c AND id = :id").param("c", p.companyId())
                .param("id", p.id()).query(String.class).single();
    }

    @Test
    void requestMessagesReachTheRightPeopleOnceWithAmountsAndLinks() {
        // Before August 2027 whatever the real date: an approved request that has started cannot be cancelled.
        clock.set("2026-12-01T12:00:00Z");
        JsonNode submitted = world.submit(employee, policy, "2027-08-02T00:00", "2027-08-04T00:00").expectJson(201);
        String requestId = submitted.path("id").asText();
        deliver();
        deliver(); // a second pass sends nothing again
        var toManager = TestSmtpServer.to(email(manager));
        assertThat(toManager).hasSize(1);
        var mail = toManager.get(0);
        assertThat(mail.subject()).isEqualTo("Time-off request from Eve Tester: Mon 2 Aug 2027 – Tue 3 Aug 2027");
        assertThat(mail.text()).contains("Amount: 2 days").contains(BASE + "/approvals?request=" + requestId);
        assertThat(mail.html()).contains("href=\"" + BASE + "/approvals?request=" + requestId + "\"");
        assertThat(mail.from()).contains("pto@example.test");
        assertThat(mail.messageId()).endsWith("@pto.example.test>");

        world.as(manager).post(world.base() + "/requests/" + requestId + "/approve", Map.of("note", "Enjoy <3")).expect(200);
        deliver();
        var toEmployee = TestSmtpServer.to(email(employee));
        assertThat(toEmployee).hasSize(1);
        assertThat(toEmployee.get(0).subject()).isEqualTo("Your time off is approved: Mon 2 Aug 2027 – Tue 3 Aug 2027");
        assertThat(toEmployee.get(0).text()).contains("Mia Tester approved").contains("Note: Enjoy <3")
                .contains("Amount: 2 days").contains(BASE + "/requests");
        assertThat(toEmployee.get(0).html()).contains("Enjoy &lt;3").doesNotContain("Enjoy <3");

        // The employee cancels the approved request: the approver hears of it.
        world.as(employee).post(world.base() + "/requests/" + requestId + "/cancel", null).expect(200);
        deliver();
        var cancelled = TestSmtpServer.to(email(manager));
        assertThat(cancelled).hasSize(2);
        assertThat(cancelled.get(1).subject()).isEqualTo("Approved time off cancelled: Eve Tester, Mon 2 Aug 2027 – Tue 3 Aug 2027");
        assertThat(cancelled.get(1).text()).contains("cancelled by Eve Tester").contains("2 days");

        // A half day, denied: times in the employee's zone, amount in days.
        String denied = world.submit(employee, policy, "2027-09-01T09:00", "2027-09-01T13:00").expectJson(201).path("id").asText();
        world.as(manager).post(world.base() + "/requests/" + denied + "/deny", Map.of("note", "busy week")).expect(200);
        deliver();
        var deniedMail = TestSmtpServer.to(email(employee)).get(1);
        assertThat(deniedMail.subject()).isEqualTo("Your time-off request was denied: Wed 1 Sep 2027, 09:00–13:00 (America/New_York)");
        assertThat(deniedMail.text()).contains("Amount: 0.5 days").contains("Note: busy week");
    }

    @Test
    void requestsOfPeopleWithoutAManagerGoToTheAdmins() {
        Person loner = world.employee("Lou", null);
        world.assign(policy, loner, "2020-01-01", null);
        world.adjust(loner, policy, 4800, "opening");
        accounts.setPassword(world.companyId(), world.admin.id(), Role.ADMIN, "admin password 1");
        world.submit(loner, policy, "2026-08-10T00:00", "2026-08-11T00:00").expect(201);
        deliver();
        assertThat(TestSmtpServer.to(email(world.admin))).hasSize(1)
                .first().satisfies(m -> assertThat(m.subject()).startsWith("Time-off request from Lou Tester"));
    }

    @Test
    void inviteAndPasswordChangeAreMailedToTheUser() {
        JsonNode invited = world.asAdmin().put(world.base() + "/employees/" + employee.id() + "/account",
                Map.of("role", "employee")).expectJson(200);
        String token = invited.path("invite_token").asText();
        assertThat(token).isNotBlank(); // the admin can still copy it
        String row = "SELECT row_to_json(o)::text FROM notification_outbox o WHERE company_id = :c AND kind = 'INVITE'";
        // Queued: the token is only there sealed (issue 27: the event is stored, its secret encrypted).
        assertThat(jdbc.sql(row).param("c", world.companyId()).query(String.class).single())
                .doesNotContain(token).contains("\"secret_ciphertext\":\"v1:");
        deliver();
        var invite = TestSmtpServer.to(email(employee));
        assertThat(invite).hasSize(1);
        assertThat(invite.get(0).subject()).startsWith("You are invited to Power PTO at ");
        // Issue 25 #8: the token travels in the URL fragment, never in the query string.
        assertThat(invite.get(0).text()).contains(BASE + "/accept-invite#token=" + token).doesNotContain("?token=");
        assertThat(invite.get(0).html()).contains("href=\"" + BASE + "/accept-invite#token=" + token + "\"");
        // The one-time link does not stay in the database after delivery, not even sealed.
        assertThat(jdbc.sql(row).param("c", world.companyId()).query(String.class).single())
                .doesNotContain(token).contains("\"secret_ciphertext\":null").contains("\"status\":\"SENT\"");

        accounts.setPassword(world.companyId(), employee.id(), Role.EMPLOYEE, "first password 1");
        world.as(employee).post("/api/auth/change-password",
                Map.of("current_password", "first password 1", "new_password", "second password 2")).expect(204);
        deliver();
        var changed = TestSmtpServer.to(email(employee));
        assertThat(changed).hasSize(2);
        assertThat(changed.get(1).subject()).isEqualTo("Your Password was changed".replace("Password", "Power PTO password"));
        assertThat(changed.get(1).text()).contains("(America/New_York)").contains(BASE + "/sign-in");
    }

    @Test
    void signedOutEverywhereAndFinalStatementAreReadyForTheirFeatures() {
        accounts.setPassword(world.companyId(), world.admin.id(), Role.ADMIN, "admin password 1");
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            notifications.signedOutEverywhere(world.companyId(), employee.id());
            notifications.terminationFinalStatement(world.companyId(), employee.id(), LocalDate.of(2026, 9, 30),
                    List.of("vacation: 3 days paid out", "sick: 0 days"));
        });
        deliver();
        assertThat(TestSmtpServer.to(email(employee))).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("You were signed out of Power PTO everywhere"));
        assertThat(TestSmtpServer.to(email(world.admin))).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Final time-off statement: Eve Tester");
            assertThat(m.text()).contains("Wed 30 Sep 2026").contains("vacation: 3 days paid out")
                    .contains(BASE + "/admin/employees/" + employee.id());
        });
        // Outside a transaction the writer refuses: a message always belongs to a change.
        assertThatThrownBy(() -> notifications.signedOutEverywhere(world.companyId(), employee.id()))
                .hasMessageContaining("propagation 'mandatory'");
    }

    @Test
    void signingOutEverywhereMailsThePersonOnceWhetherThemselvesOrAnAdmin() {
        accounts.setPassword(world.companyId(), employee.id(), Role.EMPLOYEE, "first password 1");
        world.as(employee).post("/api/auth/sign-out-everywhere", null).expect(204);
        deliver();
        deliver();
        var mails = TestSmtpServer.to(email(employee));
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("You were signed out of Power PTO everywhere");
            assertThat(m.text()).contains("(America/New_York)").contains(BASE + "/sign-in");
        });
        world.asAdmin().post(world.base() + "/employees/" + employee.id() + "/account/sign-out-everywhere", null).expect(204);
        deliver();
        assertThat(TestSmtpServer.to(email(employee))).hasSize(2).allSatisfy(m ->
                assertThat(m.subject()).isEqualTo("You were signed out of Power PTO everywhere"));
        // No account, nothing ended: 404, and nothing queued.
        Person noAccount = world.employee("Nia", manager.id());
        world.asAdmin().post(world.base() + "/employees/" + noAccount.id() + "/account/sign-out-everywhere", null)
                .expectError(404);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE company_id = :c AND recipient_id = :id")
                .param("c", world.companyId()).param("id", noAccount.id()).query(Long.class).single()).isZero();
    }

    @Test
    void terminationMailsTheFinalStatementToEveryAdminOnce() {
        accounts.setPassword(world.companyId(), world.admin.id(), Role.ADMIN, "admin password 1");
        Person secondAdmin = world.employee("Ada", null);
        accounts.setPassword(world.companyId(), secondAdmin.id(), Role.ADMIN, "admin password 2");
        // A refused termination (last day before the hire date) mails nothing.
        world.asAdmin().put(world.base() + "/employees/" + employee.id(), Map.of("first_name", "Eve", "last_name", "Tester",
                "email", email(employee), "manager_id", manager.id().toString(), "timezone", "America/New_York",
                "hire_date", "2021-01-01")).expect(200);
        world.asAdmin().post(world.base() + "/employees/" + employee.id() + "/terminate",
                Map.of("termination_date", "2020-06-30")).expectError(422);
        deliver();
        assertThat(TestSmtpServer.to(email(world.admin))).isEmpty();

        world.asAdmin().post(world.base() + "/employees/" + employee.id() + "/terminate",
                Map.of("termination_date", "2026-09-30")).expect(200);
        world.asAdmin().post(world.base() + "/employees/" + employee.id() + "/terminate",
                Map.of("termination_date", "2026-09-30")).expect(200); // a replay mails nothing more
        deliver();
        deliver();
        for (Person admin : List.of(world.admin, secondAdmin)) {
            assertThat(TestSmtpServer.to(email(admin))).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Final time-off statement: Eve Tester");
                // 20 days opening balance, 480-minute days, a DAYS policy.
                assertThat(m.text()).contains("Wed 30 Sep 2026").contains("vacation: 20 days to pay out")
                        .contains(BASE + "/admin/employees/" + employee.id());
            });
        }
        assertThat(TestSmtpServer.to(email(employee))).isEmpty(); // the statement is for admins only
    }

    @Test
    void forfeitWarningsGoOutFourteenDaysBeforeWithAmountAndDate() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate on = today.plusDays(ForfeitWarningJob.DAYS_AHEAD);
        Person saver = world.employee("Sam", manager.id());
        // Hours worked: nothing accrues by date, the balance is the adjustment (a time policy's own grants since
        // 2020 would be in the timeline, and expire with it).
        UUID expiring = world.policy("expiring", "VACATION", Map.of("type", "ACCRUAL", "accrual_method", "HOURS_WORKED",
                "unit", "HOURS", "accrual_ratio", Map.of("accrue_minutes", 60, "per_worked_minutes", 1440), "expiration",
                Map.of("enabled", true, "expires_on_month", on.getMonthValue(), "expires_on_day", on.getDayOfMonth())), "2020-01-01");
        world.assign(expiring, saver, "2020-01-01", null);
        world.adjust(saver, expiring, 750, "saved up");
        forfeitWarnings.run(today);
        forfeitWarnings.run(today); // a rerun of the day adds nothing
        deliver();
        var warnings = TestSmtpServer.to(email(saver));
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).subject()).isEqualTo("12.5 hours of expiring will be forfeited on "
                + MessageFormat.date(on));
        assertThat(warnings.get(0).text()).contains("expiration").contains(BASE + "/requests");
    }

    private List<DevMailServer.Received> forfeits(Person p) {
        return TestSmtpServer.to(email(p)).stream().filter(m -> m.subject().contains("will be forfeited")).toList();
    }

    /** Hours-worked accrual: nothing accrues by itself, so balances are exactly the adjustments. */
    private UUID carryoverPolicy(String key, Map<String, Object> carryover) {
        return world.policy(key, "VACATION", Map.of("type", "ACCRUAL", "accrual_method", "HOURS_WORKED", "unit", "DAYS",
                "accrual_ratio", Map.of("accrue_minutes", 60, "per_worked_minutes", 1440), "carryover", carryover),
                "2020-01-01");
    }

    @Test
    void carryoverWarningsUseThePolicysResetDateNotTheFirstOfJanuary() {
        UUID fiscal = carryoverPolicy("fiscal", Map.of("enabled", true, "cap_minutes", 960, "reset_month", 4, "reset_day", 1));
        UUID calendarYear = carryoverPolicy("calendar", Map.of("enabled", true, "cap_minutes", 0));
        Person saver = world.employee("Sam", manager.id());
        clock.set("2030-01-15T12:00:00Z"); // saved up in 2030: earlier resets of the timeline find nothing to forfeit
        for (UUID p : List.of(fiscal, calendarYear)) {
            world.assign(p, saver, "2025-01-01", null);
            world.adjust(saver, p, 2400, "saved up"); // 5 days of 480 minutes
        }
        clock.reset(); // the outbox sends what is due by the database's clock
        forfeitWarnings.run(LocalDate.of(2030, 3, 17)); // 14 days before 31 March: nobody's reset date
        forfeitWarnings.run(LocalDate.of(2030, 12, 17)); // 14 days before 31 December: still not 1 January
        deliver();
        assertThat(TestSmtpServer.to(email(saver))).isEmpty();
        forfeitWarnings.run(LocalDate.of(2030, 3, 18)); // 1 April 2030 is the fiscal reset date
        forfeitWarnings.run(LocalDate.of(2030, 3, 18));
        deliver();
        // 2400 available before 1 April, cap 960: 1440 minutes = 3 days forfeited.
        assertThat(TestSmtpServer.to(email(saver))).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("3 days of fiscal will be forfeited on Mon 1 Apr 2030");
            assertThat(m.text()).contains("carries over at its reset date");
        });
        forfeitWarnings.run(LocalDate.of(2030, 12, 18)); // 1 January 2031 for the calendar-year policy: all 5 days
        deliver();
        assertThat(TestSmtpServer.to(email(saver))).hasSize(2).last()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("5 days of calendar will be forfeited on Wed 1 Jan 2031"));
    }

    @Test
    void carryoverWarningsOnHireAnniversariesGoToThatEmployeeOnly() {
        UUID policy = carryoverPolicy("anniversary", Map.of("enabled", true, "cap_minutes", 480, "reset_on", "HIRE_ANNIVERSARY"));
        Person anna = world.employee("Anna", manager.id(), Map.of("hire_date", "2019-06-10"));
        Person bert = world.employee("Bert", manager.id(), Map.of("hire_date", "2020-02-29"));
        clock.set("2030-01-15T12:00:00Z"); // the balances are from 2030, after the anniversaries of 2029
        for (Person p : List.of(anna, bert)) {
            world.assign(policy, p, "2025-01-01", null);
            world.adjust(p, policy, 1200, "balance"); // 2.5 days
        }
        clock.reset(); // the outbox sends what is due by the database's clock
        forfeitWarnings.run(LocalDate.of(2030, 5, 27)); // Anna's anniversary, 10 June 2030, is in 14 days
        deliver();
        // 1200 − 480 = 720 minutes = 1.5 days.
        assertThat(TestSmtpServer.to(email(anna))).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("1.5 days of anniversary will be forfeited on Mon 10 Jun 2030"));
        assertThat(TestSmtpServer.to(email(bert))).isEmpty();
        forfeitWarnings.run(LocalDate.of(2030, 2, 14)); // Bert's: 29 February → 28 February 2030
        deliver();
        assertThat(TestSmtpServer.to(email(bert))).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("1.5 days of anniversary will be forfeited on Thu 28 Feb 2030"));
    }

    @Test
    void carriedOverMinutesAreWarnedFourteenDaysBeforeTheirOwnExpiry() {
        UUID fiscal = carryoverPolicy("carried", Map.of("enabled", true, "cap_minutes", 960, "expires_after_days", 30,
                "reset_month", 4, "reset_day", 1));
        Person saver = world.employee("Cara", manager.id());
        world.assign(fiscal, saver, "2025-01-01", null);
        clock.set("2030-01-15T12:00:00Z"); // saved up in the fiscal year that ends on 31 March 2030
        world.adjust(saver, fiscal, 2400, "saved up");
        // Carryover on 1 April 2030: 960 carried (expiring 1 May 2030), 1440 expire at once.
        jobs.run(JobKind.CARRYOVER, LocalDate.of(2030, 4, 1), world.companyId(), RunTrigger.ADMIN, BatchGate.OPEN);
        // Half a day used after the carryover draws from the carried minutes first.
        String used = world.submit(saver, fiscal, "2030-04-08T09:00", "2030-04-08T13:00").expectJson(201).path("id").asText();
        world.approve(manager, used);
        clock.reset(); // the outbox sends what is due by the database's clock
        forfeitWarnings.run(LocalDate.of(2030, 4, 16)); // 30 April: not yet
        deliver();
        assertThat(forfeits(saver)).isEmpty();
        forfeitWarnings.run(LocalDate.of(2030, 4, 17));
        forfeitWarnings.run(LocalDate.of(2030, 4, 17));
        deliver();
        // carried 960 − used since 240 = 720 minutes = 1.5 days (available is 720 too).
        assertThat(forfeits(saver)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("1.5 days of carried will be forfeited on Wed 1 May 2030");
            assertThat(m.text()).contains("carried-over time off expires");
        });
        // Once the expiration job has expired them, there is nothing left to warn about: with two new
        // days granted (exactly the cap), the next reset date (1 April 2031) forfeits nothing, which it
        // would (720 minutes) if the warning counted the expired minutes as still there.
        jobs.run(JobKind.EXPIRATION, LocalDate.of(2030, 5, 1), world.companyId(), RunTrigger.ADMIN, BatchGate.OPEN);
        assertThat(world.balance(saver, fiscal).path("available_minutes").asLong()).isZero();
        clock.set("2030-05-02T12:00:00Z");
        world.adjust(saver, fiscal, 960, "granted");
        clock.reset();
        forfeitWarnings.run(LocalDate.of(2031, 3, 18));
        deliver();
        assertThat(forfeits(saver)).hasSize(1);
    }

    @Test
    void preferencesTurnKindsOffButNeverSecurityMessages() {
        Http me = world.as(employee);
        JsonNode prefs = me.get("/api/me/notification-preferences").expectJson(200);
        assertThat(prefs.path("items").size()).isEqualTo(NotificationKind.values().length);
        me.put("/api/me/notification-preferences", Map.of("preferences", Map.of("password_changed", false))).expectError(400);
        me.put("/api/me/notification-preferences", Map.of("preferences", Map.of("nonsense", false))).expectError(422);
        JsonNode updated = me.put("/api/me/notification-preferences",
                Map.of("preferences", Map.of("request_approved", false))).expectJson(200);
        assertThat(updated.toString()).contains("{\"kind\":\"request_approved\",\"enabled\":false,\"can_disable\":true}");

        String id = world.submit(employee, policy, "2026-10-05T00:00", "2026-10-06T00:00").expectJson(201).path("id").asText();
        world.approve(manager, id);
        accounts.setPassword(world.companyId(), employee.id(), Role.EMPLOYEE, "first password 1");
        world.as(employee).post("/api/auth/change-password",
                Map.of("current_password", "first password 1", "new_password", "second password 2")).expect(204);
        deliver();
        assertThat(TestSmtpServer.to(email(employee))).extracting(DevMailServer.Received::subject)
                .containsExactly("Your Power PTO password was changed");
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        String before = "SELECT count(*) FROM notification_outbox WHERE company_id = :c";
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            notifications.passwordChanged(world.companyId(), employee.id());
            throw new IllegalStateException("the change failed after the message was written");
        })).isInstanceOf(IllegalStateException.class);
        // Through the API: a submit refused for its balance writes no message either.
        Http.Response refused = world.submit(employee, policy, "2026-08-03T00:00", "2027-08-03T00:00");
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.text()).contains("balance");
        deliver();
        assertThat(jdbc.sql(before).param("c", world.companyId()).query(Long.class).single()).isZero();
        assertThat(TestSmtpServer.to(email(employee))).isEmpty();
        assertThat(TestSmtpServer.to(email(manager))).isEmpty();
    }

    @Test
    void smtpDownForAWhileThenEverythingArrivesOnce() {
        TestSmtpServer.stop();
        for (int i = 0; i < 3; i++) {
            world.submit(employee, policy, "2026-11-0" + (2 + i) + "T00:00", "2026-11-0" + (3 + i) + "T00:00").expect(201);
        }
        Instant now = Instant.now().plusSeconds(1);
        var down = delivery.deliverDue(now, 1000);
        assertThat(down.sent()).isZero();
        assertThat(pending()).isEqualTo(3);
        TestSmtpServer.start();
        assertThat(delivery.deliverDue(now, 1000).sent()).isZero(); // backing off: not yet due
        delivery.deliverDue(now.plus(Duration.ofMinutes(5)), 1000);
        delivery.deliverDue(now.plus(Duration.ofMinutes(10)), 1000);
        var arrived = TestSmtpServer.to(email(manager));
        assertThat(arrived).hasSize(3);
        assertThat(new HashSet<>(arrived.stream().map(DevMailServer.Received::messageId).toList())).hasSize(3);
        assertThat(pending()).isZero();
    }

    @Test
    void permanentFailureIsCountedAndShownToAdminsWhoCanRetry() {
        double failuresBefore = failures();
        TestSmtpServer.stop();
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                notifications.passwordChanged(world.companyId(), employee.id()));
        Instant now = Instant.now().plusSeconds(1);
        for (int i = 0; i < 8; i++) {
            delivery.deliverDue(now.plus(Duration.ofHours(2L * i)), 1000);
        }
        assertThat(failures()).isEqualTo(failuresBefore + 1);
        JsonNode failed = world.asAdmin().get(world.base() + "/notifications?status=failed").expectJson(200);
        assertThat(failed.path("total").asLong()).isEqualTo(1);
        JsonNode row = failed.path("items").get(0);
        assertThat(row.path("attempts").asInt()).isEqualTo(8);
        assertThat(row.path("kind").asText()).isEqualTo("PASSWORD_CHANGED");
        assertThat(row.path("last_error").asText()).isNotBlank();
        world.as(employee).get(world.base() + "/notifications").expectError(403);

        TestSmtpServer.start();
        world.asAdmin().post(world.base() + "/notifications/" + row.path("id").asText() + "/retry", null).expect(204);
        world.asAdmin().post(world.base() + "/notifications/" + row.path("id").asText() + "/retry", null).expectError(404);
        deliver();
        assertThat(TestSmtpServer.to(email(employee))).hasSize(1);
    }

    @Test
    void twoWorkersSendEachRowOnce() throws Exception {
        accounts.setPassword(world.companyId(), world.admin.id(), Role.ADMIN, "admin password 1");
        int rows = 30;
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < rows; i++) {
                notifications.terminationFinalStatement(world.companyId(), employee.id(), LocalDate.of(2026, 1, 1).plusDays(i),
                        List.of("row " + i));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<OutboxDelivery.Pass>> passes = new ArrayList<>();
        Instant now = Instant.now().plusSeconds(1);
        for (int w = 0; w < 2; w++) {
            passes.add(pool.submit(() -> {
                go.await();
                return delivery.deliverDue(now, 1000);
            }));
        }
        go.countDown();
        int sent = 0;
        for (var pass : passes) {
            sent += pass.get().sent();
        }
        pool.shutdown();
        var arrived = TestSmtpServer.to(email(world.admin));
        assertThat(arrived).hasSize(rows);
        assertThat(new HashSet<>(arrived.stream().map(DevMailServer.Received::messageId).toList())).hasSize(rows);
        assertThat(sent).isGreaterThanOrEqualTo(rows); // other tests' rows may be sent too
    }

    // --- issue 26: invitations by e-mail, resend all, on-behalf ------------------------------------

    private String signIn(Person admin) {
        accounts.setPassword(world.companyId(), admin.id(), Role.ADMIN, "admin password 1");
        return http.post("/api/auth/login", Map.of("email", email(admin), "password", "admin password 1"))
                .expectJson(200).path("access_token").asText();
    }

    private static String linkToken(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/accept-invite#token=([A-Za-z0-9_-]+)").matcher(text);
        assertThat(m.find()).as("an invitation link with the token in the fragment in: " + text).isTrue();
        return m.group(1);
    }

    @Test
    void anImportWithInvitationsEmailsEachPersonTheirOwnLink() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = "email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,pay_type,role\r\n"
                + "ana." + tag + "@example.test,Ana,Alves,,Europe/Lisbon,2024-01-02,,,,employee\r\n"
                + "bo." + tag + "@example.test,Bo,Berg,ana." + tag + "@example.test,,,,,,manager\r\n";
        String token = signIn(world.admin);
        JsonNode report = http.withToken(token).send("POST", world.base() + "/imports/employees?invite=true", csv, "text/csv")
                .expectJson(200);
        assertThat(report.path("invites").size()).isEqualTo(2);
        deliver();
        for (JsonNode invite : report.path("invites")) {
            var mails = TestSmtpServer.to(invite.path("email").asText());
            assertThat(mails).singleElement().satisfies(m -> {
                assertThat(m.subject()).startsWith("You are invited to Power PTO at ");
                assertThat(linkToken(m.text())).isEqualTo(invite.path("invite_token").asText());
                assertThat(m.text()).contains(BASE + "/accept-invite#token=");
            });
        }
        String link = linkToken(TestSmtpServer.to("ana." + tag + "@example.test").get(0).text());
        http.post("/api/auth/accept-invite", Map.of("token", link, "password", "a long enough password")).expect(204);
    }

    @Test
    void resendAllGivesEveryPendingInvitationANewLinkAndEndsTheOldOnes() {
        Person accepted = world.employee("Ann", manager.id());
        world.asAdmin().put(world.base() + "/employees/" + accepted.id() + "/account", Map.of("role", "employee")).expect(200);
        String oldEve = world.asAdmin().put(world.base() + "/employees/" + employee.id() + "/account",
                Map.of("role", "employee")).expectJson(200).path("invite_token").asText();
        deliver();
        String annLink = linkToken(TestSmtpServer.to(email(accepted)).get(0).text());
        http.post("/api/auth/accept-invite", Map.of("token", annLink, "password", "a long enough password")).expect(204);
        String admin = signIn(world.admin);

        // A sign-in older than five minutes is not enough (step-up), and nothing changes.
        clock.set(Instant.now().plus(Duration.ofMinutes(6)));
        JsonNode stale = http.withToken(admin).post(world.base() + "/invitations/resend", null).expectError(403);
        assertThat(stale.path("code").asText()).isEqualTo("recent_sign_in_required");
        clock.reset();
        world.as(employee).post(world.base() + "/invitations/resend", null).expectError(403);

        JsonNode resent = http.withToken(admin).post(world.base() + "/invitations/resend", null).expectJson(200);
        assertThat(resent.path("resent").asInt()).isEqualTo(1); // Eve only: Ann accepted hers
        deliver();
        var toEve = TestSmtpServer.to(email(employee));
        assertThat(toEve).hasSize(2);
        String newEve = linkToken(toEve.get(1).text());
        assertThat(newEve).isNotEqualTo(oldEve);
        http.post("/api/auth/accept-invite", Map.of("token", oldEve, "password", "a long enough password")).expectError(400);
        http.post("/api/auth/accept-invite", Map.of("token", newEve, "password", "a long enough password")).expect(204);
        assertThat(TestSmtpServer.to(email(accepted))).hasSize(1);
    }

    @Test
    void aManagerWhoEntersAndApprovesOnBehalfIsNotAskedToDecideIt() {
        Map<String, Object> body = new java.util.HashMap<>(world.request(employee, policy, "2027-03-01T00:00", "2027-03-02T00:00"));
        body.put("approve", true);
        world.as(manager).post(world.base() + "/requests", body).expectJson(201);
        // Entered without deciding: whoever entered it is not told about it either.
        world.as(manager).post(world.base() + "/requests", world.request(employee, policy, "2027-03-08T00:00",
                "2027-03-09T00:00")).expectJson(201);
        deliver();
        assertThat(TestSmtpServer.to(email(manager))).isEmpty();
        assertThat(TestSmtpServer.to(email(employee))).singleElement()
                .satisfies(m -> assertThat(m.subject()).startsWith("Your time off is approved: Mon 1 Mar 2027"));
    }

    private long pending() {
        // QUEUED: a pending row of the event format (V140), invisible to the previous release's worker.
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE company_id = :c AND status IN ('PENDING', 'QUEUED')")
                .param("c", world.companyId()).query(Long.class).single();
    }

    private double failures() {
        var counter = meters.find(NotificationMetrics.FAILURE).tag("kind", "PASSWORD_CHANGED").counter();
        return counter == null ? 0 : counter.count();
    }
}
