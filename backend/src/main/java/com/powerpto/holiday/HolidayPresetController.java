package com.powerpto.holiday;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/holiday-presets}: the countries and regions whose public holidays can be
 * imported, as ISO 3166 codes. Reference data: every preset in one answer (about 520), or one
 * country's with {@code ?country=}.
 */
@RestController
public class HolidayPresetController {

    private final HolidayPresets presets;

    public HolidayPresetController(HolidayPresets presets) {
        this.presets = presets;
    }

    @GetMapping("/api/holiday-presets")
    public Page<HolidayPresets.Preset> list(Caller caller, @RequestParam(required = false) String country) {
        if (country != null && !country.trim().matches("^[A-Za-z]{2}$")) {
            throw ApiException.invalid("country", "must be a two-letter ISO 3166 code such as DE");
        }
        List<HolidayPresets.Preset> items = country == null ? presets.all() : presets.ofCountry(country.trim());
        return new Page<>(items, items.size());
    }
}
