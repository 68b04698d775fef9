package com.powerpto.reconciliation;

import com.powerpto.ledger.*;

import com.powerpto.PowerPtoApplication;
import com.powerpto.platform.process.ProcessMode;
import com.powerpto.report.ReportApiBase;
import com.powerpto.report.ReportData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.util.UUID;

import static com.powerpto.report.ReportData.posting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real one-shot process ({@code java -jar power-pto.jar reconcile}) against the test database:
 * the same application in mode RECONCILE, ended the way {@code PowerPtoApplication.main} ends it,
 * minus {@code System.exit}.
 */
class ReconciliationModeTest extends ReportApiBase {

    @Autowired
    ApplicationContext apiContext;

    private static int runReconcileProcess() {
        ConfigurableApplicationContext context = PowerPtoApplication.application(ProcessMode.RECONCILE).run("reconcile");
        assertThat(context.getBeansOfType(ReconciliationCommand.class)).hasSize(1);
        return SpringApplication.exit(context, () -> ProcessMode.RECONCILE.exitCode(context));
    }

    @Test
    void theCommandOnlyExistsInReconcileMode() {
        assertThat(apiContext.getBeansOfType(ReconciliationCommand.class)).isEmpty();
        assertThat(apiContext.containsBean(ReconciliationCommand.EXIT_CODE_BEAN)).isFalse();
    }

    @Test
    void exitsWithOneOnAMismatchAndWithTheCleanCodeOtherwise() {
        UUID e = data.employee(cid, "Cor", "Rupt", null);
        ReportData.Policy p = data.policy(cid, "pto", "VACATION", false);
        data.post(cid, e, p, posting(p, EntryType.ACCRUAL, 300, Instant.parse("2024-01-01T00:00:00Z")));
        data.corruptSnapshot(cid, e, p.id(), 0, 1, 0);
        try {
            assertThat(runReconcileProcess()).isEqualTo(1);
        } finally {
            data.corruptSnapshot(cid, e, p.id(), 0, -1, 0);
        }
        int expected = ledgerService.reconcile(null).clean() ? 0 : 1;
        assertThat(runReconcileProcess()).isEqualTo(expected);
    }
}
