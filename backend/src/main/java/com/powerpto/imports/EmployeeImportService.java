package com.powerpto.imports;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.auth.AccountService;
import com.powerpto.auth.AccountView;
import com.powerpto.employee.Employee;
import com.powerpto.employee.EmployeeLocationChanged;
import com.powerpto.employee.EmployeeService;
import com.powerpto.notification.Notifications;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST …/imports/employees}: a whole company from one CSV file. Every row is checked
 * before anything is written (a dry run stops there); a real run with any problem writes nothing
 * (one transaction). Rows are matched to existing employees by e-mail (case-insensitive), so
 * importing the same file again changes nothing; managers are found by e-mail in the file or the
 * company, in any order, and a reporting cycle is refused. Writes are batched: a 5,000-row file is
 * a handful of statements plus one audit row per created or changed employee.
 */
@Service
public class EmployeeImportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmployeeImportService.class);

    static final List<String> REQUIRED = List.of("email", "first_name", "last_name", "manager_email", "timezone",
            "hire_date", "work_days", "workday_minutes", "pay_type");
    static final List<String> OPTIONAL = List.of("role", "department", "location");

    private final ImportRepository repository;
    private final CompanyRepository companies;
    private final AccountService accounts;
    private final AuditService audit;
    private final Clock clock;
    private final EmployeeService employees;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Notifications notifications;

    public EmployeeImportService(ImportRepository repository, CompanyRepository companies, AccountService accounts,
                                 AuditService audit, Clock clock, EmployeeService employees,
                                 org.springframework.context.ApplicationEventPublisher events, Notifications notifications) {
        this.employees = employees;
        this.events = events;
        this.notifications = notifications;
        this.repository = repository;
        this.companies = companies;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One row as read: its e-mail (null when missing, invalid or a duplicate), the id it has or will
     * have, the employee it describes (null when a field has a problem), its manager's e-mail and the
     * role of an invited account. Every row is checked in full, whatever else is wrong with it.
     */
    private record Checked(int row, String email, UUID id, Employee employee, String managerEmail, Role role,
                           Employee before) {
    }

    /** A valid row: the employee it will become (manager resolved) and the role of an invited account. */
    private record Planned(int row, Employee employee, String managerEmail, Role role, Employee before) {
    }

    @Transactional
    public ImportReport importEmployees(Caller caller, UUID companyId, byte[] body, boolean dryRun, boolean invite) {
        caller.adminOf(companyId);
        companies.ensureExists(companyId);
        long started = System.nanoTime();
        CsvTable table = CsvTable.read(body, REQUIRED, OPTIONAL);
        long read = System.nanoTime();
        List<ImportReport.Problem> problems = new ArrayList<>(table.problems());
        Map<String, Employee> existing = new HashMap<>();
        repository.lockAll(companyId, clock.instant()).forEach(e -> existing.put(key(e.email()), e));

        // One pass: every check runs on every row, so one upload lists every problem of the file.
        List<Checked> checked = check(companyId, table, existing, problems);
        Map<Integer, UUID> managers = resolveManagers(checked, existing, problems);
        rejectCycles(checked, managers, existing, problems);
        problems.sort(java.util.Comparator.comparingInt(ImportReport.Problem::row));
        List<Planned> planned = planned(checked, managers, problems);

        List<Planned> created = planned.stream().filter(p -> p.before() == null).toList();
        List<Planned> changed = planned.stream().filter(p -> p.before() != null && !p.before().equals(p.employee())).toList();
        int unchanged = planned.size() - created.size() - changed.size();
        long checkedAt = System.nanoTime();
        if (dryRun || !problems.isEmpty()) {
            log.info("employee import of {} rows in company {}: {} problem(s), read {} ms, checked {} ms, nothing written",
                    table.rows().size(), companyId, problems.size(), ms(started, read), ms(read, checkedAt));
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new ImportReport(table.rows().size(), created.size(), changed.size(), unchanged, dryRun, problems, null);
        }
        write(caller, companyId, created, changed);
        // The employment and schedule history balances are computed from, and corrections of changed hire dates.
        List<UUID> written = new ArrayList<>();
        created.forEach(p -> written.add(p.employee().id()));
        changed.forEach(p -> written.add(p.employee().id()));
        if (!written.isEmpty()) {
            employees.recordHistory(companyId, changed.stream().map(Planned::before).toList(), written, caller.userId());
        }
        List<ImportReport.Invite> invites = invite ? invite(caller, companyId, planned) : null;
        log.info("employee import of {} rows in company {}: {} created, {} updated, read {} ms, checked {} ms, written {} ms",
                table.rows().size(), companyId, created.size(), changed.size(), ms(started, read), ms(read, checkedAt),
                ms(checkedAt, System.nanoTime()));
        return new ImportReport(table.rows().size(), created.size(), changed.size(), unchanged, false, problems, invites);
    }

    private List<Checked> check(UUID companyId, CsvTable table, Map<String, Employee> existing,
                                List<ImportReport.Problem> problems) {
        Map<String, Integer> seen = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            RowCheck check = new RowCheck(row, problems);
            String email = check.email();
            if (email != null) {
                Integer first = seen.putIfAbsent(key(email), row.number());
                if (first != null) {
                    check.problem("email", "email_duplicate", "duplicate e-mail: already on row " + first,
                            Map.of("first_row", first));
                    email = null;
                }
            }
            Employee before = email == null ? null : existing.get(key(email));
            UUID id = before != null ? before.id() : UUID.randomUUID();
            Employee employee = check.employee(companyId, id, email, before);
            Role role = check.role();
            checked.add(new Checked(row.number(), email, id, employee, row.get("manager_email"), role, before));
        }
        return checked;
    }

    /**
     * The manager id of every row that names one (by row number), from a row of the file first,
     * else an existing employee; a row whose manager cannot be used gets its problem here, whatever
     * else is wrong with the row.
     */
    private Map<Integer, UUID> resolveManagers(List<Checked> checked, Map<String, Employee> existing,
                                               List<ImportReport.Problem> problems) {
        Map<String, UUID> fileIds = new HashMap<>();
        checked.stream().filter(c -> c.email() != null).forEach(c -> fileIds.put(key(c.email()), c.id()));
        Map<Integer, UUID> managers = new HashMap<>();
        for (Checked c : checked) {
            if (c.managerEmail().isEmpty()) {
                continue;
            }
            String managerKey = key(c.managerEmail());
            UUID managerId = fileIds.get(managerKey);
            Employee known = existing.get(managerKey);
            if (managerId == null && known != null) {
                managerId = known.id();
            }
            if (managerId == null) {
                problems.add(ImportReport.Problem.of(c.row(), "manager_email", "manager_unknown",
                        "unknown manager " + c.managerEmail() + ": not in this file nor among the company's employees",
                        Map.of("manager", c.managerEmail())));
            } else if (managerId.equals(c.id())) {
                problems.add(ImportReport.Problem.of(c.row(), "manager_email", "manager_self", "an employee cannot manage themself"));
            } else if (known != null && !fileIds.containsKey(managerKey) && known.status() == Employee.Status.TERMINATED) {
                problems.add(ImportReport.Problem.of(c.row(), "manager_email", "manager_left",
                        "the manager " + c.managerEmail() + " has left the company", Map.of("manager", c.managerEmail())));
            } else {
                managers.put(c.row(), managerId);
            }
        }
        return managers;
    }

    /** Walks each row's chain of managers in the company as it would be after the import. */
    private void rejectCycles(List<Checked> checked, Map<Integer, UUID> managers, Map<String, Employee> existing,
                              List<ImportReport.Problem> problems) {
        Map<UUID, UUID> managerOf = new HashMap<>();
        existing.values().forEach(e -> managerOf.put(e.id(), e.managerId()));
        checked.stream().filter(c -> c.email() != null).forEach(c -> managerOf.put(c.id(), managers.get(c.row())));
        Set<UUID> reported = new HashSet<>();
        for (Checked c : checked) {
            if (c.email() == null || !managers.containsKey(c.row())) {
                continue;
            }
            UUID start = c.id();
            UUID current = managerOf.get(start);
            Set<UUID> visited = new HashSet<>();
            while (current != null && visited.add(current)) {
                if (current.equals(start)) {
                    if (reported.add(start)) {
                        problems.add(ImportReport.Problem.of(c.row(), "manager_email", "manager_cycle",
                                "reporting cycle: " + c.email() + " would end up managing themself through " + c.managerEmail(),
                                Map.of("email", c.email(), "manager", c.managerEmail())));
                    }
                    break;
                }
                current = managerOf.get(current);
            }
        }
    }

    /** The rows without any problem, with their managers set: what the import writes (and counts). */
    private static List<Planned> planned(List<Checked> checked, Map<Integer, UUID> managers, List<ImportReport.Problem> problems) {
        Set<Integer> withProblems = new HashSet<>();
        problems.forEach(p -> withProblems.add(p.row()));
        List<Planned> planned = new ArrayList<>();
        for (Checked c : checked) {
            if (c.employee() != null && !withProblems.contains(c.row())) {
                planned.add(withManager(new Planned(c.row(), c.employee(), c.managerEmail(), c.role(), c.before()),
                        managers.get(c.row())));
            }
        }
        return planned;
    }

    private void write(Caller caller, UUID companyId, List<Planned> created, List<Planned> changed) {
        List<Employee> all = new ArrayList<>();
        created.forEach(p -> all.add(p.employee()));
        changed.forEach(p -> all.add(p.employee()));
        repository.upsertWithoutManager(all);
        List<Employee> managed = new ArrayList<>();
        created.stream().filter(p -> p.employee().managerId() != null).forEach(p -> managed.add(p.employee()));
        changed.stream().filter(p -> !Objects.equals(p.before().managerId(), p.employee().managerId()))
                .forEach(p -> managed.add(p.employee()));
        repository.setManagers(managed);
        Map<UUID, Object[]> createdRows = new LinkedHashMap<>();
        created.forEach(p -> createdRows.put(p.employee().id(), new Object[]{null, Map.of("employee", p.employee(), "source", "import")}));
        audit.recordAll(companyId, caller.userId(), AuditEntityType.EMPLOYEE, AuditAction.CREATE, createdRows);
        Map<UUID, Object[]> changedRows = new LinkedHashMap<>();
        changed.forEach(p -> changedRows.put(p.employee().id(), new Object[]{Map.of("employee", p.before()),
                Map.of("employee", p.employee(), "source", "import")}));
        audit.recordAll(companyId, caller.userId(), AuditEntityType.EMPLOYEE, AuditAction.UPDATE, changedRows);
        changed.stream().filter(p -> EmployeeLocationChanged.differ(p.before().location(), p.employee().location()))
                .forEach(p -> events.publishEvent(new EmployeeLocationChanged(companyId, p.employee().id(),
                        p.before().location(), p.employee().location(), clock.instant())));
    }

    /**
     * Invitations (through the account service) for imported employees who have no account yet,
     * each e-mailed its link through the outbox (issue 26) in the import's transaction.
     */
    private List<ImportReport.Invite> invite(Caller caller, UUID companyId, List<Planned> planned) {
        Set<UUID> withAccount = repository.withAccount(companyId);
        List<ImportReport.Invite> invites = new ArrayList<>();
        for (Planned p : planned) {
            if (withAccount.contains(p.employee().id())) {
                continue;
            }
            AccountView view = accounts.createInvite(companyId, p.employee().id(), p.role());
            notifications.invite(companyId, p.employee().id(), view.inviteToken());
            audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, p.employee().id(), AuditAction.UPDATE, null,
                    Map.of("account", new AccountView(view.employeeId(), view.email(), view.role(), view.active(),
                            view.hasPassword(), null), "source", "import"));
            invites.add(new ImportReport.Invite(p.employee().id(), view.email(), view.inviteToken()));
        }
        return invites;
    }

    private static Planned withManager(Planned p, UUID managerId) {
        Employee e = p.employee();
        Employee updated = new Employee(e.id(), e.companyId(), e.firstName(), e.lastName(), e.email(), e.payType(),
                e.workdayMinutes(), e.timezone(), e.hireDate(), managerId, e.workDays(), e.workdayStart(), e.status(),
                e.terminationDate(), e.department(), e.location());
        return new Planned(p.row(), updated, p.managerEmail(), p.role(), p.before());
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
