package com.powerpto.ledger;

import com.powerpto.employee.EmployeeService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    public BalanceService(BalanceRepository balances, LedgerService ledger, EmployeeService employees, Clock clock) {
        this.balances = balances;
        this.ledger = ledger;
        this.employees = employees;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<BalanceView> balances(Caller caller, UUID companyId, UUID employeeId) {
        authorize(caller, companyId, employeeId);
        return balances.forEmployee(companyId, employeeId, LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public Page<LedgerEntry> ledger(Caller caller, UUID companyId, UUID employeeId, UUID policyId, PageRequest page) {
        authorize(caller, companyId, employeeId);
        return ledger.entries(companyId, new LedgerFilter(employeeId, policyId, null, null), page);
    }

    /** Admin, the employee's manager, or the employee; 404 for an employee not in this company. */
    void authorize(Caller caller, UUID companyId, UUID employeeId) {
        caller.inCompany(companyId);
        if (!balances.employeeExists(companyId, employeeId)) {
            throw ApiException.notFound("employee");
        }
        boolean allowed = caller.isAdmin() || caller.isSelf(employeeId)
                || caller.isManager() && employees.isManagerOf(companyId, caller.userId(), employeeId);
        if (!allowed) {
            throw ApiException.forbidden("you cannot see this employee's balances");
        }
    }
}
