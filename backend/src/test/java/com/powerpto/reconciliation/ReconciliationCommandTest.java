package com.powerpto.reconciliation;

import com.powerpto.ledger.*;

import com.powerpto.platform.process.ProcessMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's exit-code logic, without Spring Boot, a database or System.exit. */
class ReconciliationCommandTest {

    private static final UUID C = UUID.randomUUID();

    private static LedgerService ledger(Supplier<ReconciliationReport> answer) {
        return new LedgerService(null) {
            @Override
            public ReconciliationReport reconcile(UUID companyIdOrNull) {
                assertThat(companyIdOrNull).as("all companies").isNull();
                return answer.get();
            }
        };
    }

    /** Runs the command as Spring would, then asks ProcessMode for the exit code, as PowerPtoApplication does. */
    private static int run(Supplier<ReconciliationReport> answer) {
        GenericApplicationContext context = new GenericApplicationContext(new DefaultListableBeanFactory());
        context.refresh();
        ReconciliationCommand command = new ReconciliationCommand(ledger(answer), context.getBeanFactory());
        command.run(new DefaultApplicationArguments("reconcile"));
        int fromBean = ProcessMode.RECONCILE.exitCode(context);
        assertThat(command.getExitCode()).isEqualTo(fromBean);
        context.close();
        return fromBean;
    }

    @Test
    void cleanIsZero() {
        assertThat(run(() -> new ReconciliationReport(12, List.of()))).isEqualTo(ReconciliationCommand.CLEAN).isZero();
    }

    @Test
    void mismatchesAreOne() {
        ReconciliationMismatch m = new ReconciliationMismatch(C, UUID.randomUUID(), UUID.randomUUID(),
                new Balance(10, 0, 0), new Balance(5, 0, 1));
        assertThat(run(() -> new ReconciliationReport(3, List.of(m)))).isEqualTo(ReconciliationCommand.MISMATCHES).isEqualTo(1);
    }

    @Test
    void anAccrualDifferenceIsOne() {
        GenericApplicationContext context = new GenericApplicationContext(new DefaultListableBeanFactory());
        context.refresh();
        var difference = new com.powerpto.accrual.TimelinePoster.Difference(C, UUID.randomUUID(), UUID.randomUUID(),
                java.time.LocalDate.parse("2026-12-03"), 3200, 0, 4);
        ReconciliationCommand command = new ReconciliationCommand(ledger(() -> new ReconciliationReport(1, List.of())),
                context.getBeanFactory(), () -> List.of(difference));
        command.run(new DefaultApplicationArguments("reconcile"));
        assertThat(command.getExitCode()).isEqualTo(ReconciliationCommand.MISMATCHES);
        assertThat(ProcessMode.RECONCILE.exitCode(context)).isEqualTo(1);
        context.close();
    }

    @Test
    void aFailedCheckIsTwo() {
        assertThat(run(() -> {
            throw new IllegalStateException("database is down");
        })).isEqualTo(ReconciliationCommand.FAILED).isEqualTo(2);
    }

    @Test
    void withoutTheCommandTheExitCodeIsZero() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        assertThat(ProcessMode.RECONCILE.exitCode(context)).isZero();
        context.close();
    }

    @Test
    void springBootsExitSeesTheSameCode() {
        ReconciliationMismatch m = new ReconciliationMismatch(C, UUID.randomUUID(), UUID.randomUUID(),
                new Balance(0, 0, 0), new Balance(0, 7, 0));
        GenericApplicationContext context = new GenericApplicationContext();
        context.refresh();
        ReconciliationCommand command = new ReconciliationCommand(ledger(() -> new ReconciliationReport(1, List.of(m))),
                context.getBeanFactory());
        command.run(new DefaultApplicationArguments());
        context.getBeanFactory().registerSingleton("reconciliationCommand", command);
        // exactly what PowerPtoApplication.main passes to System.exit
        assertThat(SpringApplication.exit(context, () -> ProcessMode.RECONCILE.exitCode(context))).isEqualTo(1);
    }

    @Test
    void fieldsFlattenOneRowPerDifferingField() {
        UUID e = UUID.randomUUID();
        UUID p = UUID.randomUUID();
        var report = new ReconciliationReport(1, List.of(new ReconciliationMismatch(C, e, p,
                new Balance(10, 2, 3), new Balance(11, 2, 4))));
        assertThat(ReconciliationController.fields(report)).containsExactly(
                new ReconciliationController.FieldMismatch(e, p, "accrued", 10, 11),
                new ReconciliationController.FieldMismatch(e, p, "held", 3, 4));
    }
}
