package com.powerpto.payroll;

import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may post a payroll run (issue 16):
 * <ul>
 *   <li>A company with its own webhook secret: only {@code X-Payroll-Timestamp} (Unix seconds,
 *       within {@link #WINDOW} of our clock) plus an HMAC of {@code timestamp "." body} with that
 *       secret. The global secret is refused for it.</li>
 *   <li>Any other company: the same with the global PAYROLL_WEBHOOK_SECRET; a request without a
 *       timestamp is checked the pre-issue-16 way (HMAC of the body alone) while
 *       {@code pto.payroll.accept-legacy-signatures} is true. Such a request can be replayed, but
 *       a replay books nothing twice: postings are idempotent per (run, employee, policy).</li>
 * </ul>
 * The company is the one value {@link PayrollService} parsed from the (size-limited) body, a
 * canonical UUID (issue 25: a second, more lenient reading here once chose the global secret for
 * a spelling that Jackson then bound to a company with its own secret). Every refusal is the same
 * 401 whatever the company, so it reveals nothing about the company.
 */
@Component
class WebhookVerifier {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(WebhookVerifier.class);

    private final PtoProperties properties;
    private final CompanyWebhookSecrets companySecrets;
    private final Clock clock;
    private final boolean acceptLegacy;

    WebhookVerifier(PtoProperties properties, CompanyWebhookSecrets companySecrets, Clock clock,
                    @Value("${pto.payroll.accept-legacy-signatures:true}") boolean acceptLegacy) {
        this.properties = properties;
        this.companySecrets = companySecrets;
        this.clock = clock;
        this.acceptLegacy = acceptLegacy;
    }

    void requireSignatureHeader(String signature) {
        if (signature == null) {
            throw ApiException.unauthenticated("missing " + PayrollSignature.HEADER + " header");
        }
    }

    /** {@code companyId}: the body's parsed company (null when it names none: then only the global secret can match). */
    void verify(byte[] body, UUID companyId, String signature, String timestamp) {
        requireSignatureHeader(signature);
        Optional<String> own = Optional.ofNullable(companyId).flatMap(companySecrets::secretOf);
        if (timestamp == null) {
            if (own.isEmpty() && acceptLegacy && PayrollSignature.verify(body, signature, properties.payrollWebhookSecret())) {
                log.info("payroll webhook accepted with a legacy body-only signature (no {})", PayrollSignature.TIMESTAMP_HEADER);
                return;
            }
            throw ApiException.unauthenticated("missing " + PayrollSignature.TIMESTAMP_HEADER + " header or invalid "
                    + PayrollSignature.HEADER + " signature");
        }
        if (!fresh(timestamp)) {
            throw ApiException.unauthenticated(PayrollSignature.TIMESTAMP_HEADER + " is not within "
                    + WINDOW.toMinutes() + " minutes of the server's clock (a replay, or a wrong clock)");
        }
        String secret = own.orElse(properties.payrollWebhookSecret());
        if (!PayrollSignature.verify(timestamp, body, signature, secret)) {
            throw ApiException.unauthenticated("invalid " + PayrollSignature.HEADER + " signature");
        }
    }

    private boolean fresh(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp.trim());
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= WINDOW.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
