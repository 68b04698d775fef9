package com.powerpto.assignment;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.events.BalanceInputChanged;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Effective-dated assignments; ending one sets effective_to, nothing is ever deleted. */
@Service
public class AssignmentService {

    /** PostgreSQL's exclusion_violation: {@code assignments_no_overlap} refused the row. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 1, 1);

    private final AssignmentRepository repository;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public AssignmentService(AssignmentRepository repository, AuditService audit, Clock clock,
                             ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Assignment create(Caller caller, UUID companyId, UUID policyId, AssignmentBody body) {
        caller.adminOf(companyId);
        if (!repository.exists("policies", companyId, policyId)) {
            throw ApiException.notFound("policy");
        }
        if (body == null || body.employeeId() == null) {
            throw ApiException.invalid("employee_id", "is required");
        }
        if (body.effectiveFrom() == null) {
            throw ApiException.invalid("effective_from", "is required");
        }
        checkDate("effective_from", body.effectiveFrom());
        if (body.effectiveTo() != null) {
            checkDate("effective_to", body.effectiveTo());
            if (!body.effectiveTo().isAfter(body.effectiveFrom())) {
                throw ApiException.invalid("effective_to", "must be after effective_from");
            }
        }
        if (!repository.exists("employees", companyId, body.employeeId())) {
            throw ApiException.notFound("employee");
        }
        repository.lockEmployee(companyId, body.employeeId());
        rejectOverlap(companyId, body.employeeId(), policyId, body.effectiveFrom(), body.effectiveTo(), new UUID(0, 0));
        Assignment assignment = new Assignment(UUID.randomUUID(), companyId, body.employeeId(), policyId,
                body.effectiveFrom(), body.effectiveTo(), caller.userId(), clock.instant());
        repository.insert(assignment);
        Assignment stored = repository.find(companyId, assignment.id()).orElseThrow();
        audit.record(companyId, caller.userId(), AuditEntityType.ASSIGNMENT, stored.id(), AuditAction.CREATE, null, stored);
        changed(stored, stored.effectiveFrom(), "assignment " + stored.id() + " created effective " + stored.effectiveFrom(),
                caller.userId());
        return stored;
    }

    @Transactional
    public Assignment end(Caller caller, UUID companyId, UUID assignmentId, LocalDate effectiveTo) {
        caller.adminOf(companyId);
        Assignment before = repository.find(companyId, assignmentId).orElseThrow(() -> ApiException.notFound("assignment"));
        LocalDate end = effectiveTo == null ? LocalDate.now(clock) : effectiveTo;
        checkDate("effective_to", end);
        if (!end.isAfter(before.effectiveFrom())) {
            throw ApiException.invalid("effective_to", "must be after the assignment's effective_from (" + before.effectiveFrom() + ")");
        }
        if (before.effectiveTo() != null && end.isAfter(before.effectiveTo())) {
            throw ApiException.invalid("effective_to", "must not extend the assignment past its current end (" + before.effectiveTo() + ")");
        }
        repository.end(companyId, assignmentId, end);
        Assignment after = repository.find(companyId, assignmentId).orElseThrow();
        audit.record(companyId, caller.userId(), AuditEntityType.ASSIGNMENT, assignmentId, AuditAction.DELETE, before, after);
        // Any end may change a grant already posted: a start-of-period grant of the period it cuts.
        changed(after, LocalDate.MIN, "assignment " + assignmentId + " ended effective " + end, caller.userId());
        return after;
    }

    /**
     * Termination (issue 15): ends every assignment of the employee after {@code lastDay}. A running
     * one goes through {@link #end} (the same path as the DELETE route, so recalculation applies);
     * one that starts after the last day is withdrawn (effective_to = effective_from: an empty range,
     * active on no day; nothing is deleted), audited the same way.
     */
    /** An assignment a termination ended: as it was, and as it is now. */
    public record Ended(Assignment before, Assignment after) {
    }

    @Transactional
    public List<Ended> endAllAfter(Caller caller, UUID companyId, UUID employeeId, LocalDate lastDay) {
        caller.adminOf(companyId);
        LocalDate firstDayAfter = lastDay.plusDays(1);
        List<Ended> ended = new java.util.ArrayList<>();
        for (Assignment running : repository.runningOnOrAfter(companyId, employeeId, firstDayAfter)) {
            if (running.effectiveFrom().isBefore(firstDayAfter)) {
                ended.add(new Ended(running, end(caller, companyId, running.id(), firstDayAfter)));
            } else {
                repository.end(companyId, running.id(), running.effectiveFrom());
                Assignment after = repository.find(companyId, running.id()).orElseThrow();
                audit.record(companyId, caller.userId(), AuditEntityType.ASSIGNMENT, running.id(), AuditAction.DELETE, running, after);
                changed(after, LocalDate.MIN, "assignment " + running.id() + " withdrawn (termination)", caller.userId());
                ended.add(new Ended(running, after));
            }
        }
        return ended;
    }

    @Transactional(readOnly = true)
    public Page<Assignment> byPolicy(Caller caller, UUID companyId, UUID policyId, PageRequest page) {
        caller.adminOf(companyId);
        if (!repository.exists("policies", companyId, policyId)) {
            throw ApiException.notFound("policy");
        }
        return repository.page(companyId, "policy_id", policyId, page);
    }

    @Transactional(readOnly = true)
    public Page<Assignment> byEmployee(Caller caller, UUID companyId, UUID employeeId, PageRequest page) {
        caller.inCompany(companyId);
        if (!caller.isAdmin() && !caller.isSelf(employeeId)) {
            throw ApiException.forbidden("only admins and the employee can see these assignments");
        }
        if (!repository.exists("employees", companyId, employeeId)) {
            throw ApiException.notFound("employee");
        }
        return repository.page(companyId, "employee_id", employeeId, page);
    }

    /** One assignment covering every day of [from, toInclusive], if any. */
    @Transactional(readOnly = true)
    public Optional<Assignment> findCovering(UUID companyId, UUID employeeId, UUID policyId, LocalDate from, LocalDate toInclusive) {
        return repository.activeOn(companyId, employeeId, from).stream()
                .filter(a -> a.policyId().equals(policyId) && a.covers(from, toInclusive))
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<Assignment> activeOn(UUID companyId, UUID employeeId, LocalDate date) {
        return repository.activeOn(companyId, employeeId, date);
    }

    /**
     * Restores the end of an assignment that a withdrawn termination set (issue 24), if nobody changed
     * it since: its {@code effective_to} is still {@code setTo} and no assignment to the policy took the
     * days back. Empty when it was changed since (it is left as it is). Audited like an end.
     */
    @Transactional
    public Optional<Assignment> restoreEnd(Caller caller, UUID companyId, UUID assignmentId, LocalDate setTo,
                                           LocalDate restoredTo) {
        caller.adminOf(companyId);
        Optional<Assignment> current = repository.find(companyId, assignmentId);
        if (current.isEmpty() || !java.util.Objects.equals(current.get().effectiveTo(), setTo)) {
            return Optional.empty();
        }
        Assignment before = current.get();
        repository.lockEmployee(companyId, before.employeeId());
        if (repository.overlapping(companyId, before.employeeId(), before.policyId(), setTo, restoredTo, assignmentId).isPresent()) {
            return Optional.empty();
        }
        repository.end(companyId, assignmentId, restoredTo);
        Assignment after = repository.find(companyId, assignmentId).orElseThrow();
        audit.record(companyId, caller.userId(), AuditEntityType.ASSIGNMENT, assignmentId, AuditAction.UPDATE, before, after);
        changed(after, setTo, "assignment " + assignmentId + " end restored (termination withdrawn)", caller.userId());
        return Optional.of(after);
    }

    /** An assignment span changed from {@code from} on: its balance's timeline changes (docs/corrections.md). */
    private void changed(Assignment assignment, LocalDate from, String cause, UUID actorId) {
        events.publishEvent(BalanceInputChanged.employee(assignment.companyId(), assignment.employeeId(),
                assignment.policyId(), from, cause, actorId));
    }

    /**
     * The check above runs under the employee lock, but the exclusion constraint is the last word:
     * a writer that bypasses the lock (or a future code path) still gets a 409, never a 500.
     */
    private void rejectOverlap(UUID companyId, UUID employeeId, UUID policyId, LocalDate from, LocalDate to, UUID exceptId) {
        repository.overlapping(companyId, employeeId, policyId, from, to, exceptId).ifPresent(other -> {
            throw ApiException.conflict("assignment_overlap", "the employee is already assigned to this policy from "
                            + other.effectiveFrom() + (other.effectiveTo() == null ? " with no end" : " to " + other.effectiveTo()))
                    .withDetail("An employee has at most one assignment to a policy at a time; end the other assignment first.")
                    .withContext(Map.of("assignment_id", other.id()));
        });
    }

    private static void checkDate(String field, LocalDate date) {
        if (date.isBefore(EARLIEST) || !date.isBefore(LATEST)) {
            throw ApiException.invalid(field, "must be between 1900 and 2199");
        }
    }
}
