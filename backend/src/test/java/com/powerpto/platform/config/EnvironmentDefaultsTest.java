package com.powerpto.platform.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentDefaultsTest {

    @Test
    void theConfigurationTableOfThePlanIsApplied() {
        assertThat(EnvironmentDefaults.defaultsFor("development"))
                .containsEntry("logging.level.com.powerpto", "DEBUG")
                .containsEntry("springdoc.swagger-ui.enabled", true)
                .containsEntry("pto-defaults.cors-origins", "http://localhost:5173")
                .containsKey("pto-defaults.jwt-secret");
        assertThat(EnvironmentDefaults.defaultsFor("staging"))
                .containsEntry("logging.level.com.powerpto", "INFO")
                .containsEntry("springdoc.swagger-ui.enabled", true)
                .doesNotContainKey("pto-defaults.jwt-secret");
        assertThat(EnvironmentDefaults.defaultsFor("production"))
                .containsEntry("logging.level.com.powerpto", "INFO")
                .containsEntry("springdoc.swagger-ui.enabled", false)
                .containsEntry("management.cloudwatch.metrics.export.enabled", true)
                .doesNotContainKey("pto-defaults.jwt-secret");
    }

    @Test
    void onlyAnExplicitKnownEnvironmentIsAccepted() {
        assertThat(EnvironmentDefaults.decide("development")).isEqualTo("development");
        assertThat(EnvironmentDefaults.decide(" production ")).isEqualTo("production");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnvironmentDefaults.decide(null))
                .hasMessageContaining("ENVIRONMENT is required");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnvironmentDefaults.decide("dev"))
                .hasMessageContaining("must be development, staging or production");
    }
}
