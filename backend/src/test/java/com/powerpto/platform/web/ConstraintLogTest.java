package com.powerpto.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 (5): a refused write is logged by its constraint name, never with the key values. */
@ExtendWith(OutputCaptureExtension.class)
class ConstraintLogTest {

    @Test
    void theLogNamesTheConstraintButNotTheEmailInPgjdbcsDetail(CapturedOutput output) {
        // The fields PostgreSQL sends for a unique violation, as pgjdbc parses them.
        ServerErrorMessage server = new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique"
                + " constraint \"employees_email_uq\"\0DKey (company_id, lower(email))=(0b7c1f0e-0000-4000-8000-000000000001,"
                + " jane.doe@example.com) already exists.\0nemployees_email_uq\0");
        PSQLException psql = new PSQLException(server);
        assertThat(psql.getMessage()).contains("jane.doe@example.com");

        var response = new GlobalExceptionHandler().integrity(new DataIntegrityViolationException("insert failed", psql));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(output.getAll()).contains("employees_email_uq").doesNotContain("jane.doe@example.com")
                .doesNotContain("Key (company_id");
    }
}
