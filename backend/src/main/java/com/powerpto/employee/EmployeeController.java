package com.powerpto.employee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.PartialBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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

    @GetMapping
    public Page<Employee> list(Caller caller, @PathVariable UUID companyId,
                               @RequestParam(name = "manager_id", required = false) UUID managerId, PageRequest page) {
        return employees.list(caller, companyId, managerId, page);
    }
}
