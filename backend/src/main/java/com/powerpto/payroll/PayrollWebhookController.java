package com.powerpto.payroll;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** {@code POST /api/webhooks/payroll_processed}: public route, authenticated by the HMAC of the raw body. */
@RestController
public class PayrollWebhookController {

    private final PayrollService payroll;

    public PayrollWebhookController(PayrollService payroll) {
        this.payroll = payroll;
    }

    @PostMapping(path = "/api/webhooks/payroll_processed")
    public Map<String, Object> processed(@RequestHeader(name = PayrollSignature.HEADER, required = false) String signature,
                                         @RequestHeader(name = PayrollSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                                         @RequestBody(required = false) byte[] body) {
        return payroll.handle(body, signature, timestamp);
    }
}
