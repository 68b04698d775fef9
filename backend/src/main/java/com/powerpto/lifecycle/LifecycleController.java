package com.powerpto.lifecycle;

import com.powerpto.employee.Employee;
import com.powerpto.platform.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Termination, rehire and the final statement of one employee (docs/api-extensions.md, issue 15). */
@RestController
@RequestMapping("/api/companies/{companyId}/employees/{employeeId}")
public class LifecycleController {

    static final String TEXT_CSV = "text/csv";

    private final LifecycleService lifecycle;

    public LifecycleController(LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/terminate")
    public TerminationResult terminate(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                                       @RequestBody Bodies.Terminate body) {
        return lifecycle.terminate(caller, companyId, employeeId, body);
    }

    /** Withdraws a termination that has not taken effect yet (issue 24); 409 once access has ended. */
    @DeleteMapping("/termination")
    public WithdrawalResult withdrawTermination(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return lifecycle.withdrawTermination(caller, companyId, employeeId);
    }

    @PostMapping("/rehire")
    public Employee rehire(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                           @RequestBody Bodies.Rehire body) {
        return lifecycle.rehire(caller, companyId, employeeId, body);
    }

    @GetMapping(value = "/final-statement", produces = "application/json")
    public FinalStatement finalStatement(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId) {
        return lifecycle.finalStatement(caller, companyId, employeeId);
    }

    /** {@code Accept: text/csv}: one row per policy, for payroll. */
    @GetMapping(value = "/final-statement", produces = TEXT_CSV)
    public void finalStatementCsv(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                                  HttpServletResponse response) throws IOException {
        FinalStatement statement = lifecycle.finalStatement(caller, companyId, employeeId);
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"final-statement-" + employeeId + ".csv\"");
        try (CSVPrinter csv = new CSVPrinter(response.getWriter(), CSVFormat.RFC4180)) {
            csv.printRecord("employee_id", "termination_date", "policy_id", "policy_key", "available_minutes",
                    "payable_minutes", "unit");
            for (FinalStatement.Item item : statement.items()) {
                // Every cell is an id, a date, a number or a policy key ([a-z0-9_-]): nothing a spreadsheet reads as a formula.
                csv.printRecord(statement.employeeId(), statement.terminationDate() == null ? "" : statement.terminationDate(),
                        item.policyId(), item.policyKey(), item.availableMinutes() == null ? "" : item.availableMinutes(),
                        item.payableMinutes(), item.unit());
            }
        }
    }
}
