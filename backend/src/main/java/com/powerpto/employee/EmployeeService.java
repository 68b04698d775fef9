package com.powerpto.employee;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.events.BalanceInputChanged;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

@Service
public class EmployeeService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}$");
    private static final Pattern HH_MM = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");
    static final List<String> DEFAULT_WORK_DAYS = List.of("MON", "TUE", "WED", "THU", "FRI");

    private final EmployeeRepository repository;
    private final CompanyRepository companies;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    public EmployeeService(EmployeeRepository repository, CompanyRepository companies, AuditService audit,
                           ApplicationEventPublisher events, java.time.Clock clock) {
        this.repository = repository;
        this.companies = companies;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record Upsert(Employee employee, boolean created) {
    }

    /** Every field of the body, as sent by code that builds whole employees (a full replacement). */
    static final java.util.Set<String> ALL_FIELDS = java.util.Set.of("first_name", "last_name", "email", "pay_type",
            "workday_minutes", "timezone", "hire_date", "manager_id", "work_days", "workday_start");

    /** A full replacement: fields left null take their defaults (for callers that build whole employees). */
    @Transactional
    public Upsert upsert(Caller caller, UUID companyId, UUID employeeId, EmployeeBody body) {
        return upsert(caller, companyId, employeeId, com.powerpto.platform.web.PartialBody.complete(body, ALL_FIELDS));
    }

    /**
     * Creates the employee, or updates the fields the client sent: on an existing employee an
     * absent field keeps its value and an explicit null resets it to the default (work days
     * Mon–Fri, 09:00, 480 minutes, UTC, salary, no manager, no hire date). Names and e-mail
     * cannot be cleared.
     */
    @Transactional
    public Upsert upsert(Caller caller, UUID companyId, UUID employeeId,
                         com.powerpto.platform.web.PartialBody<EmployeeBody> sent) {
        caller.adminOf(companyId);
        if (sent.value() == null) {
            throw ApiException.invalid("body", "is required");
        }
        companies.ensureExists(companyId);
        Optional<Employee> before = repository.lock(companyId, employeeId);
        EmployeeBody body = before.map(current -> merged(sent, current)).orElse(sent.value());
        Employee employee = validated(companyId, employeeId, body);
        if (repository.emailTaken(companyId, employee.email(), employeeId)) {
            throw ApiException.conflict("duplicate_email", "another employee of this company already uses " + employee.email());
        }
        if (employee.managerId() != null) {
            if (repository.find(companyId, employee.managerId()).isEmpty()) {
                throw ApiException.invalid("manager_id", "no such employee in this company");
            }
            if (repository.wouldCycle(companyId, employeeId, employee.managerId())) {
                throw ApiException.invalid("manager_id", "would make a reporting cycle");
            }
        }
        LocalDate scheduleFrom = scheduleFrom(sent.value().scheduleEffectiveFrom());
        repository.upsert(employee);
        repository.recordHistory(companyId, List.of(employeeId), scheduleFrom);
        Employee after = repository.find(companyId, employeeId).orElseThrow();
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId,
                before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, before.orElse(null), after);
        if (before.isPresent() && EmployeeLocationChanged.differ(before.get().location(), after.location())) {
            // other holidays apply from now on: requests touched are listed to admins (issue 28)
            events.publishEvent(new EmployeeLocationChanged(companyId, employeeId, before.get().location(),
                    after.location(), clock.instant()));
        }
        if (before.isPresent()) {
            publishChanges(before.get(), after, scheduleFrom, caller.userId());
        }
        return new Upsert(after, before.isEmpty());
    }

    /**
     * What a balance's timeline reads from the employee changed: the hire date (tenure, the first day an
     * assignment accrues) or the working week (part-time proration, from its effective date).
     */
    private void publishChanges(Employee before, Employee after, LocalDate scheduleFrom, UUID actorId) {
        if (!java.util.Objects.equals(before.hireDate(), after.hireDate())) {
            LocalDate from = before.hireDate() == null || after.hireDate() == null ? LocalDate.MIN
                    : before.hireDate().isBefore(after.hireDate()) ? before.hireDate() : after.hireDate();
            events.publishEvent(BalanceInputChanged.employee(after.companyId(), after.id(), null, from,
                    "hire date changed from " + before.hireDate() + " to " + after.hireDate(), actorId));
        }
        if (before.workdayMinutes() * before.workDays().size() != after.workdayMinutes() * after.workDays().size()) {
            events.publishEvent(BalanceInputChanged.employee(after.companyId(), after.id(), null, scheduleFrom,
                    "working week changed to " + after.workDays().size() + " × " + after.workdayMinutes()
                            + " minutes from " + scheduleFrom, actorId));
        }
    }

    /** The date a schedule change takes effect: as sent (1900–2199), else today. */
    private LocalDate scheduleFrom(LocalDate sent) {
        if (sent == null) {
            return LocalDate.now(clock);
        }
        if (sent.isBefore(LocalDate.of(1900, 1, 1)) || sent.getYear() > 2199) {
            throw ApiException.invalid("schedule_effective_from", "must be between 1900 and 2199");
        }
        return sent;
    }

    /**
     * For other features that write employees in bulk (imports): keeps their employment and schedule
     * history in step and publishes the hire-date changes, in the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void recordHistory(UUID companyId, List<Employee> before, List<UUID> written, UUID actorId) {
        LocalDate today = LocalDate.now(clock);
        repository.recordHistory(companyId, written, today);
        Map<UUID, Employee> earlier = new java.util.HashMap<>();
        before.forEach(e -> earlier.put(e.id(), e));
        List<UUID> changed = new java.util.ArrayList<>();
        LocalDate from = LocalDate.MAX;
        for (Employee after : repository.findAll(companyId, written)) {
            Employee was = earlier.get(after.id());
            if (was != null && !java.util.Objects.equals(was.hireDate(), after.hireDate())) {
                changed.add(after.id());
                for (LocalDate d : new LocalDate[] {was.hireDate(), after.hireDate()}) {
                    from = d == null ? LocalDate.MIN : d.isBefore(from) ? d : from;
                }
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new BalanceInputChanged(companyId, null, changed, from,
                    "hire dates changed by an import", actorId));
        }
    }

    @Transactional(readOnly = true)
    public Employee get(Caller caller, UUID companyId, UUID employeeId) {
        caller.inCompany(companyId);
        Employee employee = get(companyId, employeeId);
        boolean allowed = caller.isAdmin() || caller.isSelf(employeeId)
                || caller.isManager() && caller.userId().equals(employee.managerId());
        if (!allowed) {
            throw ApiException.forbidden("you cannot see this employee");
        }
        return employee;
    }

    @Transactional(readOnly = true)
    public Page<Employee> list(Caller caller, UUID companyId, UUID managerId, PageRequest page) {
        return listFiltered(caller, companyId, new EmployeeFilter(managerId, false, null, null, Employee.Status.ACTIVE), page);
    }

    @Transactional(readOnly = true)
    public Page<Employee> listFiltered(Caller caller, UUID companyId, EmployeeFilter filter, PageRequest page) {
        caller.inCompany(companyId);
        if (!caller.isAdmin() && !caller.isManager()) {
            throw ApiException.forbidden("only admins and managers can list employees");
        }
        return repository.page(companyId, filter, caller.isManager() ? caller.userId() : null, page);
    }

    /** For other features: the employee, or 404 when absent or another company's. */
    @Transactional(readOnly = true)
    public Employee get(UUID companyId, UUID employeeId) {
        return repository.find(companyId, employeeId).orElseThrow(() -> ApiException.notFound("employee"));
    }

    /** For other features: the listed employees of this company (unknown ids are left out), by name. */
    @Transactional(readOnly = true)
    public List<Employee> getAll(UUID companyId, List<UUID> employeeIds) {
        return repository.findAll(companyId, employeeIds);
    }

    @Transactional(readOnly = true)
    public boolean isManagerOf(UUID companyId, UUID managerId, UUID employeeId) {
        return repository.isManagerOf(companyId, managerId, employeeId);
    }

    /** The body to validate on an update: each absent field takes the employee's current value. */
    private static EmployeeBody merged(com.powerpto.platform.web.PartialBody<EmployeeBody> sent, Employee current) {
        EmployeeBody b = sent.value();
        return new EmployeeBody(
                sent.pick("first_name", b.firstName(), current.firstName()),
                sent.pick("last_name", b.lastName(), current.lastName()),
                sent.pick("email", b.email(), current.email()),
                sent.pick("pay_type", b.payType(), current.payType()),
                sent.pick("workday_minutes", b.workdayMinutes(), current.workdayMinutes()),
                sent.pick("timezone", b.timezone(), current.timezone()),
                sent.pick("hire_date", b.hireDate(), current.hireDate()),
                sent.pick("manager_id", b.managerId(), current.managerId()),
                sent.pick("work_days", b.workDays(), current.workDays()),
                sent.pick("workday_start", b.workdayStart(),
                        current.workdayStart() == null ? null : current.workdayStart().toString()),
                sent.pick("department", b.department(), current.department()),
                sent.pick("location", b.location(), current.location()),
                b.scheduleEffectiveFrom());
    }

    private static Employee validated(UUID companyId, UUID id, EmployeeBody body) {
        if (body == null) {
            throw ApiException.invalid("body", "is required");
        }
        String first = requiredName("first_name", body.firstName());
        String last = requiredName("last_name", body.lastName());
        if (body.email() == null || body.email().length() > 254
                || !EMAIL.matcher(body.email().trim()).matches()) {
            throw ApiException.invalid("email", "must be a valid e-mail address");
        }
        int minutes = body.workdayMinutes() == null ? 480 : body.workdayMinutes();
        if (minutes < 60 || minutes > 1440) {
            throw ApiException.invalid("workday_minutes", "must be between 60 and 1440");
        }
        String timezone = body.timezone() == null ? "UTC" : body.timezone();
        try {
            if (!timezone.contains("/") && !timezone.equals("UTC")) {
                throw new DateTimeException("not a region id");
            }
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw ApiException.invalid("timezone", "must be an IANA time zone such as Europe/Paris");
        }
        List<String> days = body.workDays() == null ? DEFAULT_WORK_DAYS : body.workDays();
        if (days.isEmpty() || days.size() > 7 || new HashSet<>(days).size() != days.size()
                || !Employee.DAY_NAMES.containsAll(days)) {
            throw ApiException.invalid("work_days", "must be 1 to 7 distinct days among MON TUE WED THU FRI SAT SUN");
        }
        List<String> ordered = Employee.DAY_NAMES.stream().filter(days::contains).toList();
        String start = body.workdayStart() == null ? "09:00" : body.workdayStart();
        if (!HH_MM.matcher(start).matches()) {
            throw ApiException.invalid("workday_start", "must be a time HH:MM");
        }
        if (body.hireDate() != null && (body.hireDate().isBefore(LocalDate.of(1900, 1, 1)) || body.hireDate().getYear() > 2199)) {
            throw ApiException.invalid("hire_date", "must be between 1900 and 2199");
        }
        if (id.equals(body.managerId())) {
            throw ApiException.invalid("manager_id", "an employee cannot manage themself");
        }
        try {
            return new Employee(id, companyId, first, last, body.email().trim(),
                    body.payType() == null ? Employee.PayType.SALARY : body.payType(), minutes, timezone,
                    body.hireDate(), body.managerId(), ordered, LocalTime.parse(start),
                    Employee.Status.ACTIVE, null, optionalLabel("department", body.department()),
                    optionalLabel("location", body.location()));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("workday_start", "must be a time HH:MM");
        }
    }

    /** Department and location: optional free text, trimmed; blank means none. */
    static String optionalLabel(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() > 100) {
            throw ApiException.invalid(field, "must be at most 100 characters");
        }
        return value.trim();
    }

    private static String requiredName(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw ApiException.invalid(field, "is required (1 to 100 characters)");
        }
        return value.trim();
    }
}
