package com.powerpto.lifecycle;

import com.powerpto.assignment.Assignment;
import com.powerpto.assignment.AssignmentService;
import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.employee.Employee;
import com.powerpto.employee.EmployeeService;
import com.powerpto.ledger.BalanceService;
import com.powerpto.ledger.BalanceView;
import com.powerpto.notification.MessageFormat;
import com.powerpto.notification.Notifications;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.request.RequestStatus;
import com.powerpto.request.TimeOffRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Termination, rehire and the final statement (issue 15). A termination is one transaction:
 * assignments end, later requests are cancelled or reversed through the request state machine
 * (and so through the ledger's writer), direct reports lose their manager, and every change is
 * audited; access ends at the end of the last day in the employee's zone (the account check
 * compares {@code employees.access_ends_at} with the clock on every request and sign-in).
 */
@Service
public class LifecycleService {

    static final int MAX_REASON = 1000;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 1, 1);

    private final LifecycleRepository repository;
    private final EmployeeService employees;
    private final AssignmentService assignments;
    private final com.powerpto.request.RequestService requests;
    private final BalanceService balances;
    private final AuditService audit;
    private final Notifications notifications;

    public LifecycleService(LifecycleRepository repository, EmployeeService employees, AssignmentService assignments,
                            com.powerpto.request.RequestService requests, BalanceService balances, AuditService audit,
                            Notifications notifications) {
        this.repository = repository;
        this.employees = employees;
        this.assignments = assignments;
        this.requests = requests;
        this.balances = balances;
        this.audit = audit;
        this.notifications = notifications;
    }

    @Transactional
    public TerminationResult terminate(Caller caller, UUID companyId, UUID employeeId, Bodies.Terminate body) {
        caller.adminOf(companyId);
        LocalDate lastDay = validated(body);
        if (caller.isSelf(employeeId)) {
            throw ApiException.businessRule("you cannot terminate yourself; ask another admin");
        }
        lockOrNotFound(companyId, employeeId);
        Employee before = employees.get(companyId, employeeId);
        if (before.terminationDate() != null) {
            if (before.terminationDate().equals(lastDay)) {
                return new TerminationResult(before, List.of(), List.of(), List.of(), List.of()); // a replay
            }
            throw ApiException.conflict("the employee is already terminated with last day " + before.terminationDate()
                    + "; rehire them first to record another termination");
        }
        if (before.hireDate() != null && lastDay.isBefore(before.hireDate())) {
            throw ApiException.invalid("termination_date", "must not be before the hire date (" + before.hireDate() + ")");
        }
        Instant accessEnds = lastDay.plusDays(1).atStartOfDay(before.zone()).toInstant();
        String reason = blankToNull(body.reason());
        repository.terminate(companyId, employeeId, lastDay, reason, accessEnds);
        List<UUID> ended = assignments.endAllAfter(caller, companyId, employeeId, lastDay).stream().map(Assignment::id).toList();
        List<UUID> cancelled = new ArrayList<>();
        List<UUID> reversed = new ArrayList<>();
        for (TimeOffRequest request : requests.cancelForTermination(caller, companyId, employeeId, accessEnds)) {
            (request.status() == RequestStatus.APPROVED ? reversed : cancelled).add(request.id());
        }
        List<TerminationResult.Report> orphans = releaseReports(caller, companyId, employeeId);
        Employee after = employees.get(companyId, employeeId);
        Map<String, Object> afterJson = new LinkedHashMap<>();
        afterJson.put("employee", after);
        afterJson.put("termination_reason", reason);
        afterJson.put("access_ends_at", accessEnds.toString());
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE,
                Map.of("employee", before), afterJson);
        // The admins' final statement, after the reversals above (same transaction: a failed
        // termination mails nothing; a replay returned early and mails nothing twice).
        notifications.terminationFinalStatement(companyId, employeeId, lastDay,
                statementLines(finalStatement(caller, companyId, employeeId), after.workdayMinutes()));
        return new TerminationResult(after, ended, cancelled, reversed, orphans);
    }

    @Transactional
    public Employee rehire(Caller caller, UUID companyId, UUID employeeId, Bodies.Rehire body) {
        caller.adminOf(companyId);
        if (body == null || body.hireDate() == null) {
            throw ApiException.invalid("hire_date", "is required");
        }
        checkRange("hire_date", body.hireDate());
        lockOrNotFound(companyId, employeeId);
        Employee before = employees.get(companyId, employeeId);
        if (before.terminationDate() == null) {
            throw ApiException.conflict("the employee is not terminated");
        }
        if (!body.hireDate().isAfter(before.terminationDate())) {
            throw ApiException.invalid("hire_date", "must be after the last day of the previous employment ("
                    + before.terminationDate() + ")");
        }
        repository.rehire(companyId, employeeId, body.hireDate());
        Employee after = employees.get(companyId, employeeId);
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE,
                Map.of("employee", before, "termination_reason", String.valueOf(repository.terminationReason(companyId, employeeId))),
                Map.of("employee", after, "rehired", true));
        return after;
    }

    /** Works before a termination too: the terminate dialog shows it as a preview. */
    @Transactional(readOnly = true)
    public FinalStatement finalStatement(Caller caller, UUID companyId, UUID employeeId) {
        caller.adminOf(companyId);
        Employee employee = employees.get(companyId, employeeId);
        Map<UUID, String> units = repository.policyUnits(companyId);
        List<FinalStatement.Item> items = new ArrayList<>();
        for (BalanceView b : balances.balances(caller, companyId, employeeId)) {
            long payable = b.isUnlimited() || b.availableMinutes() == null ? 0 : b.availableMinutes();
            items.add(new FinalStatement.Item(b.policyId(), b.policyKey(), b.availableMinutes(), payable,
                    units.getOrDefault(b.policyId(), "DAYS"), b.policyName()));
        }
        return new FinalStatement(employeeId, employee.terminationDate(), items);
    }

    /** "Vacation: 3 days to pay out" per policy (its name, else its key); "unlimited" for policies without a balance. */
    static List<String> statementLines(FinalStatement statement, int workdayMinutes) {
        List<String> lines = new ArrayList<>();
        for (FinalStatement.Item item : statement.items()) {
            String policy = item.policyName() != null ? item.policyName() : item.policyKey();
            if (item.availableMinutes() == null) {
                lines.add(policy + ": unlimited, nothing to pay out");
            } else {
                String amount = MessageFormat.amount(item.payableMinutes(), item.unit(), workdayMinutes);
                lines.add(policy + ": " + amount + (item.payableMinutes() < 0 ? " (overdrawn)" : " to pay out"));
            }
        }
        return lines.isEmpty() ? List.of("no time-off balances") : lines;
    }

    private List<TerminationResult.Report> releaseReports(Caller caller, UUID companyId, UUID managerId) {
        List<TerminationResult.Report> released = new ArrayList<>();
        for (UUID reportId : repository.lockReports(companyId, managerId)) {
            Employee before = employees.get(companyId, reportId);
            repository.clearManager(companyId, reportId);
            Employee after = employees.get(companyId, reportId);
            audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, reportId, AuditAction.UPDATE, before, after);
            released.add(new TerminationResult.Report(reportId, after.firstName(), after.lastName(), after.email()));
        }
        return released;
    }

    private void lockOrNotFound(UUID companyId, UUID employeeId) {
        if (!repository.lockEmployee(companyId, employeeId)) {
            throw ApiException.notFound("employee");
        }
    }

    private static LocalDate validated(Bodies.Terminate body) {
        if (body == null || body.terminationDate() == null) {
            throw ApiException.invalid("termination_date", "is required");
        }
        checkRange("termination_date", body.terminationDate());
        if (body.reason() != null && body.reason().length() > MAX_REASON) {
            throw ApiException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        return body.terminationDate();
    }

    private static void checkRange(String field, LocalDate date) {
        if (date.isBefore(EARLIEST) || !date.isBefore(LATEST)) {
            throw ApiException.invalid(field, "must be between 1900 and 2199");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
