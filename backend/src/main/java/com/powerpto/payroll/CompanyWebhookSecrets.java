package com.powerpto.payroll;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A company's own payroll webhook secret: 32 random bytes made here (so it is never weak),
 * shown once, stored encrypted ({@link SecretBox}), replaced by making a new one, removed to go
 * back to the global secret. SQL is here because the table has no other user.
 */
@Service
public class CompanyWebhookSecrets {

    static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(CompanyWebhookSecrets.class);

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final AuditService audit;
    private final Clock clock;

    public CompanyWebhookSecrets(JdbcClient jdbc, SecretBox box, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewSecret(String secret, String signatureHeader, String timestampHeader, Instant createdAt) {
    }

    @Transactional
    public NewSecret create(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        boolean replaced = exists(companyId);
        jdbc.sql("""
                        INSERT INTO company_webhook_secrets (company_id, secret_ciphertext, created_by, created_at)
                        VALUES (:company, :sealed, :actor, :now)
                        ON CONFLICT (company_id) DO UPDATE SET secret_ciphertext = EXCLUDED.secret_ciphertext,
                            created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at
                        """)
                .param("company", companyId).param("sealed", box.seal(context(companyId), secret))
                .param("actor", caller.userId()).param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId, replaced ? AuditAction.UPDATE : AuditAction.CREATE,
                replaced ? Map.of("payroll_webhook_secret", "set") : null, Map.of("payroll_webhook_secret", "set"));
        log.info("payroll webhook secret of company {} {} by {}", companyId, replaced ? "replaced" : "created", caller.userId());
        return new NewSecret(secret, PayrollSignature.HEADER, PayrollSignature.TIMESTAMP_HEADER, now);
    }

    @Transactional
    public void delete(Caller caller, UUID companyId) {
        caller.adminOf(companyId);
        if (jdbc.sql("DELETE FROM company_webhook_secrets WHERE company_id = :company").param("company", companyId).update() == 0) {
            throw ApiException.notFound("payroll webhook secret");
        }
        audit.record(companyId, caller.userId(), AuditEntityType.COMPANY, companyId, AuditAction.DELETE,
                Map.of("payroll_webhook_secret", "set"), null);
        log.info("payroll webhook secret of company {} removed by {}", companyId, caller.userId());
    }

    /** The company's secret in clear, for verification only. */
    Optional<String> secretOf(UUID companyId) {
        return jdbc.sql("SELECT secret_ciphertext FROM company_webhook_secrets WHERE company_id = :company")
                .param("company", companyId).query(String.class).optional()
                .map(sealed -> box.open(context(companyId), sealed));
    }

    private boolean exists(UUID companyId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM company_webhook_secrets WHERE company_id = :company)")
                .param("company", companyId).query(Boolean.class).single();
    }

    private static String context(UUID companyId) {
        return "payroll-webhook:" + companyId;
    }
}
