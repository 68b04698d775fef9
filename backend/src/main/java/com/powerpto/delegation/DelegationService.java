package com.powerpto.delegation;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.employee.Employee;
import com.powerpto.employee.EmployeeService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.Role;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Approval delegation: while a manager is away, another manager or an admin decides their
 * reports' requests. The request feature reads the delegations (RequestRepository) when it
 * checks who may decide; a decision by a delegate records the manager in decided_on_behalf_of.
 */
@Service
public class DelegationService {

    private static final int MAX_DAYS = 366;
    private static final int MAX_NOTE = 1000;

    private final DelegationRepository repository;
    private final AuditService audit;
    private final Clock clock;
    private final EmployeeService employees;

    public DelegationService(DelegationRepository repository, AuditService audit, Clock clock, EmployeeService employees) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.employees = employees;
    }

    @Transactional
    public Delegation create(Caller caller, UUID companyId, DelegationBody body) {
        caller.inCompany(companyId).requireRole(Role.MANAGER, Role.ADMIN);
        ApiException.required(body, "body");
        ApiException.required(body.delegateId(), "delegate_id");
        ApiException.required(body.startDate(), "start_date");
        ApiException.required(body.endDate(), "end_date");
        UUID delegator = body.delegatorId() == null ? caller.userId() : body.delegatorId();
        if (!caller.isAdmin() && !delegator.equals(caller.userId())) {
            throw ApiException.forbidden("a manager can only delegate their own approvals");
        }
        if (body.endDate().isBefore(body.startDate())) {
            throw ApiException.invalid("end_date", "must not be before start_date");
        }
        if (ChronoUnit.DAYS.between(body.startDate(), body.endDate()) >= MAX_DAYS) {
            throw ApiException.invalid("end_date", "a delegation can span at most " + MAX_DAYS + " days");
        }
        if (body.endDate().isBefore(today())) {
            throw ApiException.invalid("end_date", "must not be in the past");
        }
        if (body.note() != null && body.note().length() > MAX_NOTE) {
            throw ApiException.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
        if (delegator.equals(body.delegateId())) {
            throw ApiException.invalid("delegate_id", "must be someone other than the manager who delegates");
        }
        if (!repository.employeeExists(companyId, delegator)) {
            throw ApiException.notFound("employee");
        }
        if (!repository.employeeExists(companyId, body.delegateId())) {
            throw ApiException.notFound("employee");
        }
        if (!repository.isApprover(companyId, body.delegateId(), clock.instant())) {
            throw ApiException.businessRule("delegate_not_approver", "the delegate must be a manager or an admin")
                    .withDetail("Approvals can only be handed to a manager or an admin (invited or signed in) or to"
                            + " someone who manages people.");
        }
        Delegation delegation = new Delegation(UUID.randomUUID(), companyId, delegator, body.delegateId(),
                body.startDate(), body.endDate(), body.note() == null || body.note().isBlank() ? null : body.note(),
                caller.userId(), clock.instant(), null, null);
        repository.insert(delegation);
        audit.record(companyId, caller.userId(), AuditEntityType.DELEGATION, delegation.id(), AuditAction.CREATE,
                null, delegation);
        return delegation;
    }

    /** Revoking twice is harmless: the second call answers the revoked delegation unchanged. */
    @Transactional
    public Delegation revoke(Caller caller, UUID companyId, UUID id) {
        caller.inCompany(companyId).requireRole(Role.MANAGER, Role.ADMIN);
        Delegation before = repository.lock(companyId, id).orElseThrow(() -> ApiException.notFound("delegation"));
        if (!caller.isAdmin() && !caller.isSelf(before.delegatorId())) {
            throw ApiException.forbidden("only the manager who delegated or an admin can revoke a delegation");
        }
        if (before.revokedAt() != null) {
            return before;
        }
        Delegation after = before.revoked(clock.instant(), caller.userId());
        repository.revoke(after);
        audit.record(companyId, caller.userId(), AuditEntityType.DELEGATION, id, AuditAction.UPDATE, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public Page<Delegation> list(Caller caller, UUID companyId, boolean activeOnly, PageRequest page) {
        caller.inCompany(companyId).requireRole(Role.MANAGER, Role.ADMIN);
        return repository.list(companyId, caller.isAdmin() ? null : caller.userId(), activeOnly, today(), page);
    }

    /**
     * The employees whose requests the caller decides today as a delegate (not their own reports):
     * the approval queue needs their names, zones and workday lengths, which the employee list
     * (own reports only) does not give a delegate.
     */
    @Transactional(readOnly = true)
    public List<Employee> delegatedReports(Caller caller, UUID companyId) {
        caller.inCompany(companyId).requireRole(Role.MANAGER, Role.ADMIN);
        return employees.getAll(companyId, repository.delegatedReports(companyId, caller.userId(), today()));
    }

    /** Whether the caller, a manager, decides this employee's requests today as a delegate (for read access). */
    @Transactional(readOnly = true)
    public boolean decidesAsDelegate(Caller caller, UUID companyId, UUID employeeId) {
        return caller.isManager() && repository.decidesFor(companyId, caller.userId(), employeeId, today());
    }

    /** Who a delegation can go to (names only, so a manager can pick a colleague they cannot otherwise list). */
    @Transactional(readOnly = true)
    public List<Approver> approvers(Caller caller, UUID companyId) {
        caller.inCompany(companyId).requireRole(Role.MANAGER, Role.ADMIN);
        return repository.approvers(companyId, clock.instant());
    }

    private LocalDate today() {
        Instant now = clock.instant();
        return now.atZone(ZoneOffset.UTC).toLocalDate();
    }

}
