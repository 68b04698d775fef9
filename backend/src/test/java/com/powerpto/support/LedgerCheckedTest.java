package com.powerpto.support;

import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.ReconciliationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** An API test in its own world whose balances must reconcile with the ledger after every scenario. */
public abstract class LedgerCheckedTest extends ApiTest {

    @Autowired
    protected LedgerService ledgerService;

    protected World world;

    @BeforeEach
    void newWorld() {
        world = fixtures.newWorld();
    }

    @AfterEach
    void snapshotsEqualLedgerSums() {
        ReconciliationReport report = ledgerService.reconcile(world.companyId());
        assertThat(report.mismatches()).as("snapshot vs ledger").isEmpty();
    }
}
