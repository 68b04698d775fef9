package com.powerpto.holiday;

import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HolidayService#datesBetween}: what the duration calculator reads. */
class HolidayDatesTest extends ApiTest {

    @Autowired
    HolidayService service;

    @Test
    void datesBetweenIsInclusiveAndCompanyScoped() {
        World world = fixtures.newWorld();
        world.holiday("2024-12-24", "Christmas Eve");
        world.holiday("2024-12-25", "Christmas Day");
        world.holiday("2025-01-01", "New Year");
        World other = fixtures.newWorld();
        other.holiday("2024-12-26", "Boxing Day");

        assertThat(service.datesBetween(world.companyId(), LocalDate.parse("2024-12-25"), LocalDate.parse("2025-01-01")))
                .containsExactlyInAnyOrder(LocalDate.parse("2024-12-25"), LocalDate.parse("2025-01-01"));
        assertThat(service.datesBetween(world.companyId(), LocalDate.parse("2024-12-24"), LocalDate.parse("2024-12-24")))
                .containsExactly(LocalDate.parse("2024-12-24"));
        assertThat(service.datesBetween(world.companyId(), LocalDate.parse("2024-12-26"), LocalDate.parse("2024-12-31"))).isEmpty();
        assertThat(service.datesBetween(other.companyId(), LocalDate.parse("2024-01-01"), LocalDate.parse("2025-12-31")))
                .containsExactly(LocalDate.parse("2024-12-26"));
    }
}
