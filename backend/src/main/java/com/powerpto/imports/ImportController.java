package com.powerpto.imports;

import com.powerpto.auth.StepUp;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CSV imports (docs/api-extensions.md, issue 15). The body is the file itself
 * ({@code Content-Type: text/csv}); the size limit of these two routes is {@code pto.max-import-bytes}.
 * The role is checked before the body is read. A dry run answers 200 with its report; a real run
 * with problems answers 422 with the contract's error fields plus the same report, and writes nothing.
 */
@RestController
@RequestMapping("/api/companies/{companyId}/imports")
public class ImportController {

    private final EmployeeImportService employees;
    private final BalanceImportService balances;
    private final StepUp stepUp;

    public ImportController(EmployeeImportService employees, BalanceImportService balances, StepUp stepUp) {
        this.employees = employees;
        this.balances = balances;
        this.stepUp = stepUp;
    }

    @PostMapping("/employees")
    public ResponseEntity<Object> employees(Caller caller, @PathVariable UUID companyId,
                                            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
                                            @RequestParam(name = "invite", defaultValue = "false") boolean invite,
                                            HttpServletRequest request) throws IOException {
        caller.adminOf(companyId);
        if (invite && !dryRun) {
            // Invitations are credentials (issue 25): a CSV body cannot carry current_password, so a recent sign-in.
            stepUp.requireRecentSignIn(caller, "inviting people from a file");
        }
        return answer(employees.importEmployees(caller, companyId, csvBody(request), dryRun, invite));
    }

    @PostMapping("/balances")
    public ResponseEntity<Object> balances(Caller caller, @PathVariable UUID companyId,
                                           @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
                                           HttpServletRequest request) throws IOException {
        caller.adminOf(companyId);
        return answer(balances.importBalances(caller, companyId, csvBody(request), dryRun));
    }

    private static ResponseEntity<Object> answer(ImportReport report) {
        if (report.dryRun() || report.errors().isEmpty()) {
            return ResponseEntity.ok(report);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "the file has " + report.errors().size() + " problem(s); nothing was imported");
        body.put("detail", "Fix the rows listed in errors (row 1 is the header) and upload the file again.");
        body.put("status_code", 422);
        body.put("code", "import_rejected");
        body.put("rows", report.rows());
        body.put("created", 0);
        body.put("updated", 0);
        body.put("errors", report.errors());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(body);
    }

    /** The raw file: text/csv (UTF-8; a declared charset must be UTF-8). */
    private static byte[] csvBody(HttpServletRequest request) throws IOException {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (RuntimeException e) {
            type = null;
        }
        if (type == null || !"text".equals(type.getType()) || !"csv".equals(type.getSubtype())) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the file as the body with Content-Type: text/csv");
        }
        if (type.getCharset() != null && !"UTF-8".equalsIgnoreCase(type.getCharset().name())) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the file must be UTF-8 (charset=" + type.getCharset().name() + " given)");
        }
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
