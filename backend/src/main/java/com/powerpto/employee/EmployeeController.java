package com.powerpto.employee;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/companies/{companyId}/employees")
public class EmployeeController {

    private final EmployeeService employees;

    public EmployeeController(EmployeeService employees) {
        this.employees = employees;
    }

    @PutMapping("/{employeeId}")
    public Employee upsert(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                           @RequestBody EmployeeBody body) {
        return employees.upsert(caller, companyId, employeeId, body).employee();
    }

    @GetMapping("/{employeeId}")
    public Employee get(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return employees.get(caller, companyId, employeeId);
    }

    @GetMapping
    public Page<Employee> list(Caller caller, @PathVariable UUID companyId,
                               @RequestParam(name = "manager_id", required = false) UUID managerId, PageRequest page) {
        return employees.list(caller, companyId, managerId, page);
    }
}
