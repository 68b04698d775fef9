package com.powerpto.ledger;

import com.powerpto.delegation.DelegationService;
import com.powerpto.employee.EmployeeService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Balances and ledger history of one employee, for the employee, their manager and admins. */
@Service
public class BalanceService {

    private final BalanceRepository balances;
    private final LedgerService ledger;
    private final EmployeeService employees;
    private final Clock clock;
    private final DelegationService delegations;

    public BalanceService(BalanceRepository balances, LedgerService ledger, EmployeeService employees, Clock clock,
                          DelegationService delegations) {
        this.balances = balances;
        this.ledger = ledger;
        this.employees = employees;
        this.clock = clock;
        this.delegations = delegations;
    }

    /**
     * One statement in the common case (the hottest read of the product): the existence check only
     * runs when the answer is empty or the caller is not obviously allowed. No transaction: a single
     * read needs none, and skipping BEGIN/COMMIT saves two round trips.
     */
    public List<BalanceView> balances(Caller caller, UUID companyId, UUID employeeId) {
        checkAccess(caller, companyId, employeeId, true);
        List<BalanceView> items = balances.forEmployee(companyId, employeeId, LocalDate.now(clock));
        if (items.isEmpty()) {
            requireEmployee(companyId, employeeId);
        }
        return items;
    }

    public Page<LedgerEntry> ledger(Caller caller, UUID companyId, UUID employeeId, UUID policyId, PageRequest page) {
        checkAccess(caller, companyId, employeeId, false);
        Page<LedgerEntry> entries = ledger.entries(companyId, new LedgerFilter(employeeId, policyId, null, null), page);
        if (entries.total() == 0) {
            requireEmployee(companyId, employeeId);
        }
        return entries;
    }

    /**
     * Admin, the employee's manager, or the employee; an unknown employee is 404 rather than 403.
     * With {@code delegates}, also a manager who decides the employee's requests today as a
     * delegate (issue 19: the approval card shows the balance; the ledger history stays the manager's).
     */
    private void checkAccess(Caller caller, UUID companyId, UUID employeeId, boolean delegates) {
        caller.inCompany(companyId);
        if (caller.isAdmin() || caller.isSelf(employeeId)
                || caller.isManager() && employees.isManagerOf(companyId, caller.userId(), employeeId)
                || delegates && delegations.decidesAsDelegate(caller, companyId, employeeId)) {
            return;
        }
        requireEmployee(companyId, employeeId);
        throw ApiException.forbidden("you cannot see this employee's balances");
    }

    private void requireEmployee(UUID companyId, UUID employeeId) {
        if (!balances.employeeExists(companyId, employeeId)) {
            throw ApiException.notFound("employee");
        }
    }
}
