package com.powerpto.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.platform.web.ApiException;
import com.powerpto.policy.settings.AccrualFrequency;
import com.powerpto.policy.settings.AccrualTiming;
import com.powerpto.policy.settings.DisplayUnit;
import com.powerpto.policy.settings.HoursWorkedSettings;
import com.powerpto.policy.settings.PolicySettings;
import com.powerpto.policy.settings.ProrationMethod;
import com.powerpto.policy.settings.TenureTier;
import com.powerpto.policy.settings.TimeAccrualSettings;
import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static com.powerpto.policy.PolicyTestBodies.create;
import static com.powerpto.policy.PolicyTestBodies.fullTime;
import static com.powerpto.policy.PolicyTestBodies.hoursWorked;
import static com.powerpto.policy.PolicyTestBodies.monthly;
import static com.powerpto.policy.PolicyTestBodies.unlimited;
import static com.powerpto.policy.PolicyTestBodies.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read methods other features call on {@link PolicyService}, and the typed settings they get. */
class PolicyServiceReadsTest extends ApiTest {

    @Autowired
    PolicyService service;

    World world;

    @BeforeEach
    void setUp() {
        world = fixtures.newWorld();
    }

    UUID createPolicy(String key, Object settings, String from) {
        JsonNode created = world.asAdmin().post(world.base() + "/policies", create(key, "VACATION", from, settings)).expectJson(201);
        return UUID.fromString(created.path("id").asText());
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void versionInForceFollowsTheHalfOpenRanges() {
        UUID id = createPolicy("vacation", monthly(), "2020-01-01");
        world.asAdmin().put(world.base() + "/policies/" + id, Map.of("version", version("2022-01-01", unlimited()))).expectJson(200);
        UUID company = world.companyId();

        assertThat(service.versionInForce(company, id, d("2019-12-31"))).isEmpty();
        assertThat(service.versionInForce(company, id, d("2020-01-01"))).map(PolicyVersionView::version).contains(1);
        assertThat(service.versionInForce(company, id, d("2021-12-31"))).map(PolicyVersionView::version).contains(1);
        assertThat(service.versionInForce(company, id, d("2022-01-01"))).map(PolicyVersionView::version).contains(2);
        assertThat(service.versionInForce(company, id, d("2099-01-01"))).map(PolicyVersionView::version).contains(2);
        assertThat(service.versionInForce(UUID.randomUUID(), id, d("2021-01-01"))).isEmpty();

        PolicyVersionView v1 = service.versionInForce(company, id, d("2021-01-01")).orElseThrow();
        assertThat(v1.inForceOn(d("2021-06-01"))).isTrue();
        assertThat(v1.inForceOn(d("2022-01-01"))).isFalse();
        assertThat(service.version(company, v1.id())).isEqualTo(v1);
        assertThatThrownBy(() -> service.version(UUID.randomUUID(), v1.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> service.version(company, UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));

        Policy policy = service.get(company, id);
        assertThat(policy.key()).isEqualTo("vacation");
        assertThat(policy.currentVersion().version()).isEqualTo(2);
        assertThatThrownBy(() -> service.get(UUID.randomUUID(), id))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(404));
    }

    @Test
    void aPolicyWhoseOnlyVersionStartsLaterShowsThatVersionAsCurrent() {
        String future = LocalDate.now().plusYears(1).toString();
        UUID id = createPolicy("later", monthly(), future);
        Policy policy = service.get(world.companyId(), id);
        assertThat(policy.currentVersion().version()).isEqualTo(1);
        assertThat(policy.currentVersion().effectiveFrom()).isEqualTo(LocalDate.parse(future));
        assertThat(service.versionInForce(world.companyId(), id, LocalDate.now())).isEmpty();
    }

    @Test
    void typedSettingsExposeTheHelpersOtherFeaturesUse() {
        UUID company = world.companyId();
        PolicySettings time = service.get(company, createPolicy("full", fullTime(), "2020-01-01")).currentVersion().settings();
        assertThat(time.isUnlimited()).isFalse();
        assertThat(time.allowNegative()).isTrue();
        assertThat(time.negativeLimitMinutes()).isEqualTo(960);
        assertThat(time.bankCapMinutes()).isEqualTo(20000);
        assertThat(time.unit()).isEqualTo(DisplayUnit.HOURS);
        assertThat(time).isInstanceOfSatisfying(TimeAccrualSettings.class, t -> {
            assertThat(t.accrualFrequency()).isEqualTo(AccrualFrequency.MONTHLY);
            assertThat(t.accrualTiming()).isEqualTo(AccrualTiming.START_OF_PERIOD);
            assertThat(t.baseRateMinutes()).isEqualTo(800);
            assertThat(t.proration()).isEqualTo(ProrationMethod.NONE);
            assertThat(t.tenureTiers()).containsExactly(new TenureTier(0, 800), new TenureTier(24, 1000));
            assertThat(t.carryover().enabled()).isTrue();
            assertThat(t.carryover().capMinutes()).isEqualTo(2400);
            assertThat(t.expiration().expiresOnMonth()).isEqualTo(3);
        });

        PolicySettings hours = service.get(company, createPolicy("hourly", hoursWorked(), "2020-01-01")).currentVersion().settings();
        assertThat(hours.isUnlimited()).isFalse();
        assertThat(hours.allowNegative()).isFalse();
        assertThat(hours.negativeLimitMinutes()).isNull();
        assertThat(hours.bankCapMinutes()).isNull();
        assertThat(hours).isInstanceOfSatisfying(HoursWorkedSettings.class, h -> {
            assertThat(h.accrualRatio().accrueMinutes()).isEqualTo(60);
            assertThat(h.accrualRatio().perWorkedMinutes()).isEqualTo(1440);
        });

        PolicySettings none = service.get(company, createPolicy("sick", unlimited(), "2020-01-01")).currentVersion().settings();
        assertThat(none.isUnlimited()).isTrue();
        assertThat(none.accrualMethod()).isNull();
        assertThat(none.unit()).isEqualTo(DisplayUnit.DAYS);
        assertThat(none.bankCapMinutes()).isNull();
    }
}
