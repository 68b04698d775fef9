package com.powerpto.employee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.PartialBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import com.powerpto.platform.web.WholeListWithoutLimit;
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
    private final ObjectMapper mapper;

    public EmployeeController(EmployeeService employees, ObjectMapper mapper) {
        this.employees = employees;
        this.mapper = mapper;
    }

    /** Creates or updates; on an existing employee absent fields keep their value (null resets them). */
    @PutMapping("/{employeeId}")
    public Employee upsert(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                           @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                   content = @Content(schema = @Schema(implementation = EmployeeBody.class)))
                           @RequestBody JsonNode body) {
        PartialBody<EmployeeBody> sent = PartialBody.read(mapper, body, EmployeeBody.class);
        return employees.upsert(caller, companyId, employeeId, sent).employee();
    }

    @GetMapping("/{employeeId}")
    public Employee get(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return employees.get(caller, companyId, employeeId);
    }

    /**
     * {@code status} ACTIVE (default: pickers and team views never offer people who have left),
     * TERMINATED or ALL; {@code without_manager=true} lists those left without a manager (e.g. the
     * reports of a terminated manager, to reassign); {@code department} and {@code location} match
     * case-insensitively. Without {@code limit} every row comes back (the contract's exception for
     * clients that never page).
     */
    @GetMapping
    public Page<Employee> list(Caller caller, @PathVariable UUID companyId,
                               @RequestParam(name = "manager_id", required = false) UUID managerId,
                               @RequestParam(name = "status", required = false) String status,
                               @RequestParam(name = "without_manager", required = false) Boolean withoutManager,
                               @RequestParam(name = "department", required = false) String department,
                               @RequestParam(name = "location", required = false) String location,
                               @WholeListWithoutLimit PageRequest page) {
        return employees.listFiltered(caller, companyId, new EmployeeFilter(managerId, Boolean.TRUE.equals(withoutManager),
                blankToNull(department), blankToNull(location), statusFilter(status)), page);
    }

    private static Employee.Status statusFilter(String value) {
        if (value == null || value.equals("ACTIVE")) {
            return Employee.Status.ACTIVE;
        }
        return switch (value) {
            case "TERMINATED" -> Employee.Status.TERMINATED;
            case "ALL" -> null;
            default -> throw ApiException.invalid("status", "must be ACTIVE, TERMINATED or ALL");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
