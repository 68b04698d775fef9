package com.powerpto.platform;

import com.powerpto.platform.config.StartupCheck;
import com.powerpto.platform.database.DatabaseUrl;
import com.powerpto.platform.process.ProcessMode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupCheckTest {

    private static final String SECRET = "x".repeat(40);

    @Test
    void developmentNeedsNothingButMustBeAskedFor() {
        assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", "development"))).isEmpty();
        assertThat(StartupCheck.problems(Map.of())).singleElement().asString().startsWith("ENVIRONMENT is required");
        assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", " "))).singleElement().asString().startsWith("ENVIRONMENT is required");
        assertThat(StartupCheck.problems(Map.of("PTO_ENVIRONMENT", "development"))).singleElement().asString()
                .startsWith("ENVIRONMENT is required");
    }

    @Test
    void theTokenLifetimeIsCapped() {
        assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", "development", "PTO_JWT_TTL_SECONDS", "43200"))).isEmpty();
        assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", "development", "PTO_JWT_TTL_SECONDS", "43201")))
                .singleElement().asString().contains("PTO_JWT_TTL_SECONDS");
        assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", "development", "PTO_JWT_TTL_SECONDS", "31536000")))
                .singleElement().asString().contains("PTO_JWT_TTL_SECONDS");
    }

    @Test
    void stagingAndProductionNeedTheirSecrets() {
        for (String environment : new String[]{"staging", "production"}) {
            assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", environment)))
                    .anyMatch(p -> p.contains("DATABASE_URL"))
                    .anyMatch(p -> p.contains("JWT_SECRET"))
                    .anyMatch(p -> p.contains("PAYROLL_WEBHOOK_SECRET"));
            assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", environment, "DATABASE_URL", "postgresql://h/db",
                    "JWT_SECRET", SECRET, "PAYROLL_WEBHOOK_SECRET", "s"))).isEmpty();
        }
    }

    @Test
    void shortJwtSecretAndUnknownEnvironmentAreRefused() {
        assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", "production", "DATABASE_URL", "postgresql://h/db",
                "JWT_SECRET", "short", "PAYROLL_WEBHOOK_SECRET", "s"))).singleElement().asString().contains("32 bytes");
        assertThat(StartupCheck.problems(Map.of("ENVIRONMENT", "prod"))).singleElement().asString().contains("ENVIRONMENT");
    }

    @Test
    void databaseUrlFromSecretsManagerBecomesJdbc() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://pto:p%40ss@db.internal:6432/power_pto?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/power_pto?sslmode=require");
        assertThat(url.user()).isEqualTo("pto");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.toString()).doesNotContain("p@ss");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:5432/x").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/x");
        assertThat(DatabaseUrl.parse("postgres://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modeComesFromTheArgumentThenTheEnvironment() {
        assertThat(ProcessMode.resolve(new String[]{"worker"}, "api")).isEqualTo(ProcessMode.WORKER);
        assertThat(ProcessMode.resolve(new String[]{}, "migrate")).isEqualTo(ProcessMode.MIGRATE);
        assertThat(ProcessMode.resolve(new String[]{}, null)).isEqualTo(ProcessMode.ALL);
        assertThat(ProcessMode.API.defaultProperties()).containsEntry("spring.flyway.enabled", false)
                .containsEntry("pto.worker.enabled", false);
        assertThat(ProcessMode.ALL.defaultProperties()).containsEntry("pto.worker.enabled", true)
                .containsEntry("pto.ui.enabled", true).containsEntry("pto.demo-data.enabled", true);
        // Demo data (and its demo company) only where `make run` runs everything in one process.
        for (ProcessMode mode : new ProcessMode[]{ProcessMode.API, ProcessMode.WORKER, ProcessMode.MIGRATE, ProcessMode.RECONCILE}) {
            assertThat(mode.defaultProperties()).as(mode.name()).containsEntry("pto.demo-data.enabled", false);
        }
        assertThatThrownBy(() -> ProcessMode.resolve(new String[]{"bogus"}, null)).hasMessageContaining("unknown mode");
    }

    @Test
    void processesThatMakeLinksNeedAnHttpsAppBaseUrlOutsideDevelopment() {
        Map<String, String> production = Map.of("ENVIRONMENT", "production", "DATABASE_URL", "postgresql://h/db",
                "JWT_SECRET", SECRET, "PAYROLL_WEBHOOK_SECRET", "s");
        assertThat(StartupCheck.problems(production)).isEmpty();
        assertThat(StartupCheck.linkProblems(production, true)).singleElement().asString().contains("APP_BASE_URL is required");
        assertThat(StartupCheck.linkProblems(production, false)).isEmpty(); // migrate, reconcile
        java.util.Map<String, String> plainHttp = new java.util.HashMap<>(production);
        plainHttp.put("APP_BASE_URL", "http://pto.example.com");
        assertThat(StartupCheck.linkProblems(plainHttp, true)).singleElement().asString().contains("https://");
        plainHttp.put("APP_BASE_URL", "https://pto.example.com");
        assertThat(StartupCheck.linkProblems(plainHttp, true)).isEmpty();
        assertThat(StartupCheck.linkProblems(Map.of("ENVIRONMENT", "development"), true)).isEmpty();
    }
}
