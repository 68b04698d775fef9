package com.powerpto.accrual;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** {@code POST …/policies/{pid}/simulate}: what a draft version would change, balance by balance; writes nothing. */
@RestController
public class SimulationController {

    private final PolicySimulator simulator;

    public SimulationController(PolicySimulator simulator) {
        this.simulator = simulator;
    }

    @PostMapping("/api/companies/{companyId}/policies/{policyId}/simulate")
    public PolicySimulator.Simulation simulate(Caller caller, @PathVariable UUID companyId, @PathVariable UUID policyId,
                                               @RequestBody PolicySimulator.Body body) {
        return simulator.simulate(caller, companyId, policyId, body);
    }
}
