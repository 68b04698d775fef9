package com.powerpto.accrual;

import com.powerpto.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
public class ForecastController {

    private final BalanceForecastService forecasts;

    public ForecastController(BalanceForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @GetMapping("/api/companies/{companyId}/employees/{employeeId}/balances/forecast")
    public BalanceForecastService.Forecast forecast(Caller caller, @PathVariable UUID companyId, @PathVariable UUID employeeId,
                                                    @RequestParam(name = "date", required = false) String date) {
        return forecasts.forecast(caller, companyId, employeeId, date);
    }
}
