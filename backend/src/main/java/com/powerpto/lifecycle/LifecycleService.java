package com.powerpto.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.assignment.Assignment;
import com.powerpto.assignment.AssignmentService;
import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.employee.Employee;
import com.powerpto.employee.EmployeeService;
import com.powerpto.events.BalanceInputChanged;
import com.powerpto.ledger.BalanceProjection;
import com.powerpto.ledger.BalanceService;
import com.powerpto.ledger.BalanceView;
import com.powerpto.notification.MessageFormat;
import com.powerpto.notification.Notifications;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.request.RequestService;
import com.powerpto.request.RequestStatus;
import com.powerpto.request.TimeOffRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Termination, its withdrawal, rehire and the final statement (issues 15 and 24). A termination is one
 * transaction: the employment ends on the last day, assignments end after it, later requests are
 * cancelled or reversed and one across the last day keeps only its days up to it (through the request
 * state machine, so through the ledger's writer), direct reports lose their manager, and every change
 * is audited and recorded with the employment, so that a termination with a future date can be
 * withdrawn while access has not ended. Access ends at the end of the last day in the employee's zone
 * (the account check compares {@code employees.access_ends_at} with the clock on every request).
 */
@Service
public class LifecycleService {

    static final int MAX_REASON = 1000;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 1, 1);

    private final LifecycleRepository repository;
    private final EmployeeService employees;
    private final AssignmentService assignments;
    private final RequestService requests;
    private final BalanceService balances;
    private final BalanceProjection projection;
    private final AuditService audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final ObjectMapper mapper;
    private final Clock clock;

    public LifecycleService(LifecycleRepository repository, EmployeeService employees, AssignmentService assignments,
                            RequestService requests, BalanceService balances, BalanceProjection projection, AuditService audit,
                            Notifications notifications, ApplicationEventPublisher events, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.employees = employees;
        this.assignments = assignments;
        this.requests = requests;
        this.balances = balances;
        this.projection = projection;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.mapper = mapper;
        this.clock = clock;
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
                return new TerminationResult(before, List.of(), List.of(), List.of(), List.of(), List.of()); // a replay
            }
            throw ApiException.conflict("the employee is already terminated with last day " + before.terminationDate()
                    + "; withdraw that termination (before it takes effect) or rehire them first");
        }
        if (before.hireDate() != null && lastDay.isBefore(before.hireDate())) {
            throw ApiException.invalid("termination_date", "must not be before the hire date (" + before.hireDate() + ")");
        }
        Instant accessEnds = lastDay.plusDays(1).atStartOfDay(before.zone()).toInstant();
        String reason = blankToNull(body.reason());
        repository.terminate(companyId, employeeId, lastDay, reason, accessEnds);
        List<AssignmentService.Ended> ended = assignments.endAllAfter(caller, companyId, employeeId, lastDay);
        RequestService.TerminationEffects effects = requests.cancelForTermination(caller, companyId, employeeId, lastDay, accessEnds);
        List<UUID> cancelled = new ArrayList<>();
        List<UUID> reversed = new ArrayList<>();
        for (TimeOffRequest request : effects.cancelled()) {
            (request.status() == RequestStatus.APPROVED ? reversed : cancelled).add(request.id());
        }
        List<UUID> trimmed = effects.trimmed().stream().map(TimeOffRequest::id).toList();
        List<TerminationResult.Report> orphans = releaseReports(caller, companyId, employeeId);
        repository.endEmployment(companyId, employeeId, lastDay, json(recorded(ended, orphans, cancelled, reversed, trimmed)));
        // After the last day the balance is neither carried over nor expired: the final statement stands.
        events.publishEvent(BalanceInputChanged.employee(companyId, employeeId, null, lastDay.plusDays(1),
                "employment ended on " + lastDay, caller.userId()));
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
        return new TerminationResult(after, ended.stream().map(e -> e.after().id()).toList(), cancelled, reversed, orphans,
                trimmed);
    }

    /**
     * Withdraws a termination whose access has not ended yet (issue 24): the employee is employed again,
     * the assignment ends and manager links the termination set come back where nobody changed them
     * since, and the requests it cancelled are listed — they stay cancelled (a person may book them again).
     */
    @Transactional
    public WithdrawalResult withdrawTermination(Caller caller, UUID companyId, UUID employeeId) {
        caller.adminOf(companyId);
        lockOrNotFound(companyId, employeeId);
        Employee before = employees.get(companyId, employeeId);
        if (before.terminationDate() == null) {
            throw ApiException.conflict("not_terminated", "the employee has no termination to withdraw");
        }
        Instant accessEnds = repository.accessEndsAt(companyId, employeeId);
        if (accessEnds != null && !clock.instant().isBefore(accessEnds)) {
            throw ApiException.conflict("access_ended", "the termination took effect on " + before.terminationDate()
                            + "; rehire the employee instead")
                    .withDetail("A termination can be withdrawn only until the end of the last day.");
        }
        JsonNode recorded = read(repository.reopenEmployment(companyId, employeeId));
        repository.clearTermination(companyId, employeeId);
        List<UUID> restoredAssignments = new ArrayList<>();
        List<UUID> keptAssignments = new ArrayList<>();
        for (JsonNode a : recorded.path("assignments")) {
            UUID id = UUID.fromString(a.path("id").asText());
            LocalDate setTo = date(a.path("set_to"));
            LocalDate restoredTo = date(a.path("was_to"));
            (assignments.restoreEnd(caller, companyId, id, setTo, restoredTo).isPresent() ? restoredAssignments : keptAssignments)
                    .add(id);
        }
        List<UUID> restoredReports = new ArrayList<>();
        List<UUID> keptReports = new ArrayList<>();
        for (JsonNode r : recorded.path("reports")) {
            UUID report = UUID.fromString(r.path("id").asText());
            Employee was = employees.get(companyId, report);
            if (repository.restoreManager(companyId, report, employeeId)) {
                audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, report, AuditAction.UPDATE, was,
                        employees.get(companyId, report));
                restoredReports.add(report);
            } else {
                keptReports.add(report);
            }
        }
        events.publishEvent(BalanceInputChanged.employee(companyId, employeeId, null, before.terminationDate().plusDays(1),
                "termination withdrawn", caller.userId()));
        Employee after = employees.get(companyId, employeeId);
        WithdrawalResult result = new WithdrawalResult(after, restoredAssignments, keptAssignments, restoredReports, keptReports,
                ids(recorded.path("cancelled_requests")), ids(recorded.path("reversed_requests")),
                ids(recorded.path("trimmed_requests")));
        Map<String, Object> afterJson = new LinkedHashMap<>();
        afterJson.put("employee", after);
        afterJson.put("termination_withdrawn", before.terminationDate().toString());
        afterJson.put("restored_assignments", restoredAssignments);
        afterJson.put("restored_reports", restoredReports);
        afterJson.put("requests_left_cancelled", result.cancelledRequests());
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE,
                Map.of("employee", before), afterJson);
        return result;
    }

    /**
     * Starts a new employment (issue 24: refused while the employee is still employed — a future
     * termination is withdrawn instead). The earlier employment keeps its tenure and its figures;
     * balances do not come back by themselves and assignments stay ended: an admin assigns again.
     */
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
        Instant accessEnds = repository.accessEndsAt(companyId, employeeId);
        if (accessEnds != null && clock.instant().isBefore(accessEnds)) {
            throw ApiException.conflict("still_employed", "the employee is employed until " + before.terminationDate()
                            + "; withdraw the termination instead of rehiring")
                    .withDetail("A rehire starts a new employment after the last one has ended.");
        }
        if (!body.hireDate().isAfter(before.terminationDate())) {
            throw ApiException.invalid("hire_date", "must be after the last day of the previous employment ("
                    + before.terminationDate() + ")");
        }
        repository.startEmployment(companyId, employeeId, body.hireDate());
        repository.rehire(companyId, employeeId, body.hireDate());
        events.publishEvent(BalanceInputChanged.employee(companyId, employeeId, null, body.hireDate(),
                "rehired from " + body.hireDate(), caller.userId()));
        Employee after = employees.get(companyId, employeeId);
        audit.record(companyId, caller.userId(), AuditEntityType.EMPLOYEE, employeeId, AuditAction.UPDATE,
                Map.of("employee", before, "termination_reason", String.valueOf(repository.terminationReason(companyId, employeeId))),
                Map.of("employee", after, "rehired", true));
        return after;
    }

    /**
     * What is left to pay out, per policy, as of the last day (today before a termination: the
     * terminate dialog shows it as a preview): today's available plus the grants still due up to the
     * last day. Requests still pending are listed apart: those after the last day were cancelled by the
     * termination (their holds are back in the balance); one before it waits for its decision and
     * holds its minutes until then.
     */
    @Transactional(readOnly = true)
    public FinalStatement finalStatement(Caller caller, UUID companyId, UUID employeeId) {
        caller.adminOf(companyId);
        Employee employee = employees.get(companyId, employeeId);
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = employee.terminationDate() != null && employee.terminationDate().isAfter(today)
                ? employee.terminationDate() : today;
        Map<UUID, Long> projected = projection.availableOn(companyId, employeeId, asOf);
        List<TimeOffRequest> pending = requests.pending(companyId, employeeId);
        Map<UUID, String> units = repository.policyUnits(companyId);
        List<FinalStatement.Item> items = new ArrayList<>();
        for (BalanceView b : balances.balances(caller, companyId, employeeId)) {
            Long available = b.isUnlimited() ? null : projected.getOrDefault(b.policyId(), b.availableMinutes());
            long payable = available == null ? 0 : available;
            items.add(new FinalStatement.Item(b.policyId(), b.policyKey(), available, payable,
                    units.getOrDefault(b.policyId(), "DAYS"), b.policyName()));
        }
        List<FinalStatement.PendingRequest> listed = pending.stream().map(r -> new FinalStatement.PendingRequest(r.id(),
                r.policyId(), r.startAt(), r.endAt(), r.requestedMinutes())).toList();
        return new FinalStatement(employeeId, employee.terminationDate(), items, asOf, listed);
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

    /** What a termination changed, kept with the employment for a withdrawal. */
    private static Map<String, Object> recorded(List<AssignmentService.Ended> ended, List<TerminationResult.Report> reports,
                                                List<UUID> cancelled, List<UUID> reversed, List<UUID> trimmed) {
        List<Map<String, Object>> assignmentEnds = new ArrayList<>();
        for (AssignmentService.Ended e : ended) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", e.after().id().toString());
            a.put("was_to", toText(e.before()));
            a.put("set_to", String.valueOf(e.after().effectiveTo()));
            assignmentEnds.add(a);
        }
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("assignments", assignmentEnds);
        recorded.put("reports", reports.stream().map(r -> Map.of("id", r.id().toString())).toList());
        recorded.put("cancelled_requests", cancelled);
        recorded.put("reversed_requests", reversed);
        recorded.put("trimmed_requests", trimmed);
        return recorded;
    }

    private static String toText(Assignment assignment) {
        return assignment.effectiveTo() == null ? null : assignment.effectiveTo().toString();
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().equals("null") ? null
                : LocalDate.parse(node.asText());
    }

    private static List<UUID> ids(JsonNode list) {
        List<UUID> ids = new ArrayList<>();
        list.forEach(n -> ids.add(UUID.fromString(n.asText())));
        return ids;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("termination record is not JSON", e);
        }
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
