package com.powerpto.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.accrual.AccrualData;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 (9): timestamped signatures with a 5-minute window, and a company's own webhook secret. */
class PayrollReplayApiTest extends ApiTest {

    static final String PATH = "/api/webhooks/payroll_processed";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PtoProperties properties;

    Person admin;
    UUID worker;

    @BeforeEach
    void company() {
        admin = fixtures.newCompanyAdmin();
        AccrualData data = new AccrualData(jdbc, admin.companyId());
        AccrualData.Policy hourly = data.policy("hourly", AccrualData.hours(60, 1440, Map.of()), LocalDate.parse("2024-01-01"));
        worker = data.employee("Hana", LocalDate.parse("2024-06-01"));
        data.assign(hourly, worker, LocalDate.parse("2025-01-01"), null);
    }

    private String body() {
        return "{\"payroll_run_id\":\"" + UUID.randomUUID() + "\",\"company_id\":\"" + admin.companyId()
                + "\",\"period_start\":\"2025-03-01\",\"period_end\":\"2025-03-15\",\"entries\":[{\"employee_id\":\""
                + worker + "\",\"worked_minutes\":600}]}";
    }

    private Http.Response send(String raw, long timestamp, String secret) {
        String ts = Long.toString(timestamp);
        return http.header("X-Payroll-Timestamp", ts)
                .header("X-Payroll-Signature", PayrollSignature.sign(ts, raw.getBytes(StandardCharsets.UTF_8), secret))
                .post(PATH, raw);
    }

    private Http.Response sendLegacy(String raw, String secret) {
        return http.header("X-Payroll-Signature", PayrollSignature.sign(raw.getBytes(StandardCharsets.UTF_8), secret)).post(PATH, raw);
    }

    private long now() {
        return Instant.now().getEpochSecond();
    }

    @Test
    void aFreshTimestampedSignatureIsAcceptedAndOneOutsideTheWindowIsAReplay() {
        String global = properties.payrollWebhookSecret();
        assertThat(send(body(), now(), global).expectJson(200).path("accrued").asInt()).isEqualTo(1);
        assertThat(send(body(), now() - 4 * 60, global).status()).isEqualTo(200);
        JsonNode old = send(body(), now() - 6 * 60, global).expectError(401);
        assertThat(old.path("error").asText()).contains("X-Payroll-Timestamp");
        send(body(), now() + 6 * 60, global).expectError(401);
        // The timestamp is signed: moving it forward breaks the signature.
        String raw = body();
        String signedAt = Long.toString(now() - 10 * 60);
        http.header("X-Payroll-Timestamp", Long.toString(now()))
                .header("X-Payroll-Signature", PayrollSignature.sign(signedAt, raw.getBytes(StandardCharsets.UTF_8), global))
                .post(PATH, raw).expectError(401);
        http.header("X-Payroll-Timestamp", "yesterday")
                .header("X-Payroll-Signature", PayrollSignature.sign("yesterday", raw.getBytes(StandardCharsets.UTF_8), global))
                .post(PATH, raw).expectError(401);
    }

    @Test
    void aCompanysOwnSecretReplacesTheGlobalOneAndNeedsATimestamp() {
        Http asAdmin = http.as(admin);
        JsonNode created = asAdmin.post("/api/companies/" + admin.companyId() + "/payroll/webhook-secret", null).expectJson(201);
        String own = created.path("secret").asText();
        assertThat(Base64.getUrlDecoder().decode(own)).hasSizeGreaterThanOrEqualTo(32);
        String stored = jdbc.sql("SELECT secret_ciphertext FROM company_webhook_secrets WHERE company_id = :c")
                .param("c", admin.companyId()).query(String.class).single();
        assertThat(stored).doesNotContain(own).startsWith("v1:");

        assertThat(send(body(), now(), own).status()).isEqualTo(200);
        send(body(), now(), properties.payrollWebhookSecret()).expectError(401);
        sendLegacy(body(), properties.payrollWebhookSecret()).expectError(401);
        sendLegacy(body(), own).expectError(401);
        send(body(), now() - 6 * 60, own).expectError(401);

        JsonNode audit = asAdmin.get("/api/companies/" + admin.companyId() + "/audit-log?entity_type=COMPANY").expectJson(200);
        assertThat(audit.toString()).contains("payroll_webhook_secret").doesNotContain(own);

        http.as(new Person(admin.companyId(), UUID.randomUUID(), com.powerpto.platform.security.Role.MANAGER))
                .post("/api/companies/" + admin.companyId() + "/payroll/webhook-secret", null).expectError(403);
        asAdmin.delete("/api/companies/" + admin.companyId() + "/payroll/webhook-secret").expect(204);
        assertThat(send(body(), now(), properties.payrollWebhookSecret()).status()).isEqualTo(200);
        asAdmin.delete("/api/companies/" + admin.companyId() + "/payroll/webhook-secret").expectError(404);
    }

    @Test
    void legacyBodyOnlySignaturesStillWorkForCompaniesWithoutTheirOwnSecret() {
        assertThat(sendLegacy(body(), properties.payrollWebhookSecret()).status()).isEqualTo(200);
        sendLegacy(body(), "not-the-secret").expectError(401);
    }

    /**
     * Issue 25, finding 1: the base64 of the company's 16 bytes (and other non-canonical spellings)
     * once failed the verifier's UUID parse, fell back to the global secret, and Jackson then bound
     * it to the company that has its own secret. Now one parse decides: non-canonical → 422.
     */
    @Test
    void aNonCanonicalSpellingOfTheCompanyCannotFallBackToTheGlobalSecret() {
        http.as(admin).post("/api/companies/" + admin.companyId() + "/payroll/webhook-secret", null).expectJson(201);
        String global = properties.payrollWebhookSecret();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(admin.companyId().getMostSignificantBits()).putLong(admin.companyId().getLeastSignificantBits());
        String base64 = Base64.getEncoder().encodeToString(bytes.array());
        String hex = admin.companyId().toString().replace("-", "");
        for (String spelling : java.util.List.of(base64, hex, "{" + admin.companyId() + "}", " " + admin.companyId())) {
            String raw = body().replace("\"" + admin.companyId() + "\"", "\"" + spelling + "\"");
            assertThat(raw).as(spelling).contains(spelling);
            JsonNode legacy = sendLegacy(raw, global).expectError(422);
            assertThat(legacy.path("error").asText()).as(spelling).startsWith("company_id");
            send(raw, now(), global).expectError(422);
        }
        // A shortened spelling that UUID.fromString would read as another UUID is refused the same way.
        String shortened = body().replace("\"" + admin.companyId() + "\"", "\"1-2-3-4-5\"");
        sendLegacy(shortened, global).expectError(422);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entries WHERE company_id = :c").param("c", admin.companyId())
                .query(Long.class).single()).isZero();
        // The canonical spelling, upper case too, is the company: only its own secret opens it.
        String upper = body().replace(admin.companyId().toString(), admin.companyId().toString().toUpperCase(java.util.Locale.ROOT));
        sendLegacy(upper, global).expectError(401);
        send(upper, now(), global).expectError(401);
    }
}
