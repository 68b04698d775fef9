package com.powerpto.holiday;

import com.powerpto.platform.web.ApiException;
import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Country and region holiday presets from Jollyday (maintained upstream, ISO 3166 codes): the
 * list of presets, and one preset's public holidays of a year. Only {@code PUBLIC_HOLIDAY}s count
 * (bank holidays and observances are not days off for everyone); a holiday moved to a weekday
 * ("observed") counts on the day it is observed. Jollyday has no half days: those are marked by an
 * admin. Regions are the first level below a country (ISO 3166-2); cities below them are left out.
 */
@Component
public class HolidayPresets {

    /** One preset: a country (region null) or one of its regions. */
    public record Preset(String country, String region, String name) {
    }

    /** One holiday of a preset's year, named in the asked language. */
    public record PresetHoliday(LocalDate date, String name) {
    }

    private static final Pattern COUNTRY = Pattern.compile("^[A-Za-z]{2}$");
    private static final Pattern REGION = Pattern.compile("^[A-Za-z0-9]{1,3}$");

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    /** Computed years, by country, region, year and language: a preset year never changes within a release. */
    private final Map<String, List<PresetHoliday>> years = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<PresetHoliday>> eldest) {
                    return size() > 2000;
                }
            });
    private volatile List<Preset> all;
    /** The presets by country code (upper case), each country's own row first. */
    private volatile Map<String, List<Preset>> byCountry;

    /** Every preset, countries by code, each followed by its regions by code. Built once (≈ 0.5 s), then shared. */
    public List<Preset> all() {
        List<Preset> presets = all;
        if (presets == null) {
            presets = load();
        }
        return presets;
    }

    /** The presets of one country (its own row first), or an empty list for an unknown code. */
    public List<Preset> ofCountry(String country) {
        all();
        return byCountry.getOrDefault(country.toUpperCase(Locale.ROOT), List.of());
    }

    /** Whether the country, and the region when given, exist (case-insensitively). */
    public boolean exists(String country, String region) {
        return ofCountry(country).stream().anyMatch(p -> region == null ? p.region() == null : region.equalsIgnoreCase(p.region()));
    }

    /**
     * The public holidays of a preset's year, one per date (two holidays on one date are named
     * together), by date. 422 for codes that are not a preset.
     */
    public List<PresetHoliday> holidays(String country, String region, int year, Locale language) {
        String countryCode = checkedCountry(country);
        String regionCode = checkedRegion(countryCode, region);
        String key = countryCode + "/" + regionCode + "/" + year + "/" + language.toLanguageTag();
        List<PresetHoliday> cached = years.get(key);
        if (cached == null) {
            cached = compute(countryCode, regionCode, year, language);
            years.put(key, cached);
        }
        return cached;
    }

    private List<PresetHoliday> compute(String countryCode, String regionCode, int year, Locale language) {
        HolidayManager manager = manager(countryCode);
        var holidays = regionCode == null
                ? manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)
                : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, regionCode.toLowerCase(Locale.ROOT));
        Map<LocalDate, String> byDate = new TreeMap<>();
        for (var holiday : holidays) {
            // getDate() is the day off: the observed date when the holiday moved off a weekend.
            byDate.merge(holiday.getDate(), holiday.getDescription(language), (a, b) -> a.equals(b) ? a : a + " / " + b);
        }
        List<PresetHoliday> result = new ArrayList<>(byDate.size());
        byDate.forEach((date, name) -> result.add(new PresetHoliday(date, name.length() > 200 ? name.substring(0, 200) : name)));
        return List.copyOf(result);
    }

    private String checkedCountry(String country) {
        if (country == null || !COUNTRY.matcher(country.trim()).matches() || ofCountry(country.trim()).isEmpty()) {
            throw ApiException.invalid("country", "must be the ISO 3166 code of a country with a preset (GET /api/holiday-presets)");
        }
        return country.trim().toUpperCase(Locale.ROOT);
    }

    private String checkedRegion(String country, String region) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String code = region.trim().toUpperCase(Locale.ROOT);
        if (code.startsWith(country + "-")) {
            code = code.substring(country.length() + 1); // "DE-BY" as ISO 3166-2 writes it
        }
        if (!REGION.matcher(code).matches() || !exists(country, code)) {
            throw ApiException.invalid("region", "is not a region of " + country + " with a preset (GET /api/holiday-presets?country=" + country + ")");
        }
        return code;
    }

    private HolidayManager manager(String country) {
        return managers.computeIfAbsent(country,
                code -> HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT))));
    }

    private synchronized List<Preset> load() {
        if (all != null) {
            return all;
        }
        List<Preset> presets = new ArrayList<>();
        for (String code : HolidayManager.getSupportedCalendarCodes()) {
            String country = code.toUpperCase(Locale.ROOT);
            CalendarHierarchy hierarchy = manager(country).getCalendarHierarchy();
            presets.add(new Preset(country, null, hierarchy.getDescription(Locale.ENGLISH)));
            hierarchy.getChildren().values().stream()
                    .sorted(Comparator.comparing(CalendarHierarchy::getId))
                    .filter(region -> REGION.matcher(region.getId()).matches())
                    .forEach(region -> presets.add(new Preset(country, region.getId().toUpperCase(Locale.ROOT),
                            region.getDescription(Locale.ENGLISH))));
        }
        presets.sort(Comparator.comparing(Preset::country).thenComparing(p -> p.region() == null ? "" : p.region()));
        Map<String, List<Preset>> index = new java.util.HashMap<>();
        presets.forEach(p -> index.computeIfAbsent(p.country(), c -> new ArrayList<>()).add(p));
        index.replaceAll((c, list) -> List.copyOf(list));
        byCountry = Map.copyOf(index);
        all = List.copyOf(presets);
        return all;
    }
}
