package com.powerpto.assignment;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.events.BalanceInputChanged;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Assigns one policy to many employees in one transaction (issue 15). An employee who already
 * holds an overlapping assignment to the policy is skipped (with the reason) rather than failing
 * the whole call, so the same call can be repeated safely; every created assignment is audited. The overlap
 * check, the inserts and the audit rows are one statement each, so thousands of people cost the same few
 * round trips as ten.
 */
@Service
public class BulkAssignmentService {

    static final int MAX_LISTED = 10_000;

    private final BulkAssignmentRepository targets;
    private final AssignmentRepository assignments;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public BulkAssignmentService(BulkAssignmentRepository targets, AssignmentRepository assignments, AuditService audit,
                                 Clock clock, ApplicationEventPublisher events) {
        this.targets = targets;
        this.assignments = assignments;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public BulkAssignmentResult assign(Caller caller, UUID companyId, UUID policyId, BulkAssignmentBody body) {
        caller.adminOf(companyId);
        if (!assignments.exists("policies", companyId, policyId)) {
            throw ApiException.notFound("policy");
        }
        validate(body);
        Instant now = clock.instant();
        List<UUID> picked = pick(companyId, body, now);
        List<BulkAssignmentResult.Skipped> skipped = new ArrayList<>();
        if (body.employeeIds() != null) {
            Set<UUID> active = new HashSet<>(picked);
            body.employeeIds().stream().distinct().filter(id -> !active.contains(id))
                    .forEach(id -> skipped.add(new BulkAssignmentResult.Skipped(id, "has left the company")));
        }
        Map<UUID, Assignment> overlaps = assignments.overlappingByEmployee(companyId, picked, policyId,
                body.effectiveFrom(), body.effectiveTo());
        List<UUID> toAssign = new ArrayList<>();
        for (UUID employeeId : picked) {
            Assignment overlap = overlaps.get(employeeId);
            if (overlap == null) {
                toAssign.add(employeeId);
            } else {
                skipped.add(new BulkAssignmentResult.Skipped(employeeId, "already assigned to this policy from "
                        + overlap.effectiveFrom() + (overlap.effectiveTo() == null ? " with no end" : " to " + overlap.effectiveTo())));
            }
        }
        List<Assignment> created = inPickedOrder(assignments.insertAll(companyId, policyId, toAssign,
                body.effectiveFrom(), body.effectiveTo(), caller.userId()), toAssign);
        Map<UUID, Object[]> auditRows = new LinkedHashMap<>();
        created.forEach(a -> auditRows.put(a.id(), new Object[] {null, a}));
        audit.recordAll(companyId, caller.userId(), AuditEntityType.ASSIGNMENT, AuditAction.CREATE, auditRows);
        if (!created.isEmpty()) {
            // Starting on dates the worker already ran: the accrual feature corrects these balances
            // (many people go to its durable queue in one statement, a few are corrected at once).
            events.publishEvent(new BalanceInputChanged(companyId, policyId,
                    created.stream().map(Assignment::employeeId).toList(), body.effectiveFrom(),
                    "bulk assignment from " + body.effectiveFrom(), caller.userId()));
        }
        return new BulkAssignmentResult(picked.size(), created, skipped);
    }

    private static List<Assignment> inPickedOrder(List<Assignment> stored, List<UUID> employeeOrder) {
        Map<UUID, Assignment> byEmployee = new HashMap<>();
        stored.forEach(a -> byEmployee.put(a.employeeId(), a));
        return employeeOrder.stream().map(byEmployee::get).toList();
    }

    private List<UUID> pick(UUID companyId, BulkAssignmentBody body, Instant now) {
        if (Boolean.TRUE.equals(body.all())) {
            return targets.lockAll(companyId, now);
        }
        if (body.department() != null) {
            return targets.lockDepartment(companyId, body.department().trim(), now);
        }
        if (body.managerId() != null) {
            return targets.lockReports(companyId, body.managerId(), now);
        }
        List<UUID> ids = body.employeeIds().stream().distinct().toList();
        List<UUID> known = targets.existing(companyId, ids);
        if (known.size() != ids.size()) {
            List<UUID> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
            throw ApiException.invalid("employee_ids", "no such employee in this company: " + unknown);
        }
        return targets.lockListed(companyId, ids, now);
    }

    private static void validate(BulkAssignmentBody body) {
        ApiException.required(body, "body");
        ApiException.required(body.effectiveFrom(), "effective_from");
        checkDate("effective_from", body.effectiveFrom());
        if (body.effectiveTo() != null) {
            checkDate("effective_to", body.effectiveTo());
            if (!body.effectiveTo().isAfter(body.effectiveFrom())) {
                throw ApiException.invalid("effective_to", "must be after effective_from");
            }
        }
        int selectors = (Boolean.TRUE.equals(body.all()) ? 1 : 0) + (body.department() != null ? 1 : 0)
                + (body.managerId() != null ? 1 : 0) + (body.employeeIds() != null ? 1 : 0);
        if (selectors != 1) {
            throw ApiException.invalid("all", "give exactly one of all: true, department, manager_id, employee_ids");
        }
        if (body.department() != null && body.department().isBlank()) {
            throw ApiException.invalid("department", "must not be blank");
        }
        if (body.employeeIds() != null && (body.employeeIds().isEmpty() || body.employeeIds().size() > MAX_LISTED
                || body.employeeIds().contains(null))) {
            throw ApiException.invalid("employee_ids", "must list 1 to " + MAX_LISTED + " employee ids");
        }
    }

    private static void checkDate(String field, LocalDate date) {
        if (date.getYear() < 1900 || date.getYear() > 2199) {
            throw ApiException.invalid(field, "must be between 1900 and 2199");
        }
    }
}
