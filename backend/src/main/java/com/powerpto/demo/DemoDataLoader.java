package com.powerpto.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.assignment.AssignmentBody;
import com.powerpto.assignment.AssignmentService;
import com.powerpto.auth.AccountService;
import com.powerpto.employee.Employee;
import com.powerpto.employee.EmployeeBody;
import com.powerpto.employee.EmployeeService;
import com.powerpto.holiday.HolidayBody;
import com.powerpto.holiday.HolidayService;
import com.powerpto.ledger.AdjustmentBody;
import com.powerpto.ledger.AdjustmentService;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.integration.slack.DevSlackService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.Role;
import com.powerpto.policy.PolicyBodies;
import com.powerpto.policy.PolicyCategory;
import com.powerpto.policy.PolicyService;
import com.powerpto.request.RequestService;
import com.powerpto.request.SubmitRequestBody;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demo company for `make run` (development only): Acme with an admin, a manager, three employees,
 * vacation / sick / unlimited / hourly policies, holidays and a pending request. Fixed ids make
 * it idempotent: a second start finds the company's policies and loads nothing.
 */
@Component
@ConditionalOnProperty(name = "pto.demo-data.enabled", havingValue = "true")
public class DemoDataLoader implements ApplicationRunner {

    private final DevSlackService devSlack;

    public static final UUID COMPANY = UUID.fromString("00000000-0000-4000-8000-00000000ac3e");
    static final String PASSWORD = "demo-password-1";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    record Person(UUID id, String first, String last, String email, Role role, UUID manager, Map<String, Object> extra) {
    }

    static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-000000000a01");
    static final UUID MANAGER = UUID.fromString("00000000-0000-4000-8000-000000000b01");
    static final List<Person> PEOPLE = List.of(
            new Person(ADMIN, "Alice", "Admin", "admin@acme.test", Role.ADMIN, null, Map.of()),
            new Person(MANAGER, "Mark", "Manager", "manager@acme.test", Role.MANAGER, null, Map.of()),
            new Person(UUID.fromString("00000000-0000-4000-8000-000000000e01"), "Emma", "Employee", "emma@acme.test",
                    Role.EMPLOYEE, MANAGER, Map.of()),
            new Person(UUID.fromString("00000000-0000-4000-8000-000000000e02"), "Ethan", "Evans", "ethan@acme.test",
                    Role.EMPLOYEE, MANAGER, Map.of("timezone", "America/New_York")),
            new Person(UUID.fromString("00000000-0000-4000-8000-000000000e03"), "Eva", "Ortiz", "eva@acme.test",
                    Role.EMPLOYEE, MANAGER, Map.of("pay_type", "HOURLY", "workday_minutes", 360)));

    private final CompanyRepository companies;
    private final EmployeeService employees;
    private final AccountService accounts;
    private final PolicyService policies;
    private final AssignmentService assignments;
    private final HolidayService holidays;
    private final AdjustmentService adjustments;
    private final RequestService requests;
    private final PtoProperties properties;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int port;

    public DemoDataLoader(CompanyRepository companies, EmployeeService employees, AccountService accounts,
                          PolicyService policies, AssignmentService assignments, HolidayService holidays,
                          AdjustmentService adjustments, RequestService requests, PtoProperties properties,
                          ObjectMapper mapper, Clock clock, @Value("${server.port:8000}") int port,
                          DevSlackService devSlack) {
        this.devSlack = devSlack;
        this.companies = companies;
        this.employees = employees;
        this.accounts = accounts;
        this.policies = policies;
        this.assignments = assignments;
        this.holidays = holidays;
        this.adjustments = adjustments;
        this.requests = requests;
        this.properties = properties;
        this.mapper = mapper;
        this.clock = clock;
        this.port = port;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isDevelopment()) {
            log.warn("demo data is only loaded when ENVIRONMENT=development");
            return;
        }
        Caller admin = new Caller(ADMIN, COMPANY, Role.ADMIN);
        companies.create(COMPANY, "Acme Corp");
        // make run: Acme's Slack is the development stand-in (issue 29), so Approve can be clicked on /dev/slack.
        devSlack.connectToStandIn(admin, COMPANY);
        if (employees.list(admin, COMPANY, null, com.powerpto.platform.web.PageRequest.of(0, 1)).total() > 0) {
            log.info("demo data already present");
            return;
        }
        loadPeople(admin);
        LocalDate yearStart = LocalDate.now(clock).withDayOfYear(1);
        UUID vacation = policy(admin, "vacation", PolicyCategory.VACATION, Map.of("type", "ACCRUAL", "accrual_method", "TIME",
                "accrual_frequency", "MONTHLY", "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_month", 800,
                "proration", "DAYS_ACTIVE", "unit", "DAYS", "bank_cap_minutes", 19200,
                "tenure_tiers", List.of(Map.of("min_months", 36, "accrual_rate_minutes", 1000)),
                "carryover", Map.of("enabled", true, "cap_minutes", 2400, "expires_after_days", 90)), yearStart);
        UUID sick = policy(admin, "sick", PolicyCategory.SICK, Map.of("type", "ACCRUAL", "accrual_method", "TIME",
                "accrual_frequency", "YEARLY", "accrual_timing", "START_OF_PERIOD", "rate_minutes_per_year", 4800,
                "proration", "DAYS_ACTIVE", "unit", "HOURS", "allow_negative", true, "negative_limit_minutes", 960), yearStart);
        UUID flex = policy(admin, "flex-time", PolicyCategory.PERSONAL, Map.of("type", "UNLIMITED", "unit", "DAYS"), yearStart);
        UUID hourly = policy(admin, "hourly-pto", PolicyCategory.VACATION, Map.of("type", "ACCRUAL",
                "accrual_method", "HOURS_WORKED", "accrual_ratio", Map.of("accrue_minutes", 60, "per_worked_minutes", 1800),
                "unit", "HOURS", "bank_cap_minutes", 4800), yearStart);
        for (Person person : PEOPLE) {
            boolean hourlyWorker = "HOURLY".equals(person.extra().get("pay_type"));
            assign(admin, hourlyWorker ? hourly : vacation, person.id(), yearStart);
            assign(admin, sick, person.id(), yearStart);
            assign(admin, flex, person.id(), yearStart);
            adjustments.adjust(admin, COMPANY, new AdjustmentBody(person.id(), hourlyWorker ? hourly : vacation,
                    hourlyWorker ? 1200L : 4800L, "Opening balance", "demo-opening-" + person.id()));
            adjustments.adjust(admin, COMPANY, new AdjustmentBody(person.id(), sick, 4800L, "Opening balance",
                    "demo-opening-sick-" + person.id()));
        }
        loadHolidays(admin);
        LocalDate monday = LocalDate.now(clock).plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Caller emma = new Caller(PEOPLE.get(2).id(), COMPANY, Role.EMPLOYEE);
        requests.submit(emma, COMPANY, new SubmitRequestBody(emma.userId(), vacation, monday + "T09:00",
                monday.plusDays(1) + "T17:00", "Long weekend with family", "demo-pending"));
        log.info("demo data loaded for Acme Corp");
    }

    private void loadPeople(Caller admin) {
        String hash = accounts.hashPassword(PASSWORD);
        for (Person person : PEOPLE) {
            Map<String, Object> extra = person.extra();
            employees.upsert(admin, COMPANY, person.id(), new EmployeeBody(person.first(), person.last(), person.email(),
                    extra.containsKey("pay_type") ? Employee.PayType.valueOf((String) extra.get("pay_type")) : null,
                    (Integer) extra.get("workday_minutes"), (String) extra.get("timezone"),
                    LocalDate.now(clock).minusYears(person.role() == Role.EMPLOYEE ? 1 : 4), person.manager(), null, null,
                    (String) extra.get("department"), (String) extra.get("location")));
            accounts.setPasswordHash(COMPANY, person.id(), person.role(), hash);
        }
    }

    private UUID policy(Caller admin, String key, PolicyCategory category, Map<String, Object> settings, LocalDate from) {
        return policies.create(admin, COMPANY, new PolicyBodies.CreatePolicy(key, category,
                new PolicyBodies.VersionBody(from, mapper.valueToTree(settings), "Demo policy"))).id();
    }

    private void assign(Caller admin, UUID policy, UUID employee, LocalDate from) {
        assignments.create(admin, COMPANY, policy, new AssignmentBody(employee, from, null));
    }

    private void loadHolidays(Caller admin) {
        int year = LocalDate.now(clock).getYear();
        for (int y = year; y <= year + 1; y++) {
            for (var holiday : Map.of(LocalDate.of(y, 1, 1), "New Year's Day", LocalDate.of(y, 7, 4), "Independence Day",
                    LocalDate.of(y, 12, 25), "Christmas Day", LocalDate.of(y, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)),
                    "Thanksgiving").entrySet()) {
                try {
                    holidays.create(admin, COMPANY, new HolidayBody(holiday.getKey(), holiday.getValue()));
                } catch (ApiException alreadyThere) {
                    log.debug("holiday {} exists", holiday.getKey());
                }
            }
        }
    }

    /** The line `make run` promises: where to go and how to sign in. */
    @EventListener(ApplicationReadyEvent.class)
    public void printWelcome() {
        if (!properties.isDevelopment()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n  Power PTO is running at http://localhost:" + port + "\n  Demo sign-ins (password " + PASSWORD + "):\n");
        for (Person person : PEOPLE) {
            text.append(String.format("    %-8s %s%n", person.role().claim(), person.email()));
        }
        System.out.println(text);
    }
}
