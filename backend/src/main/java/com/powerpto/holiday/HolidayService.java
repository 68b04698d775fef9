package com.powerpto.holiday;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import com.powerpto.platform.web.PartialBody;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Company holidays: one per date and scope (the whole company, or one location). Every change is
 * audited and announces {@link HolidaysChanged}, so requests whose duration it may change are
 * listed to admins instead of being changed silently.
 */
@Service
public class HolidayService {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    private final HolidayRepository repository;
    private final LocationRepository locations;
    private final HolidayPresets presets;
    private final CompanyRepository companies;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    public HolidayService(HolidayRepository repository, LocationRepository locations, HolidayPresets presets,
                          CompanyRepository companies, AuditService audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.locations = locations;
        this.presets = presets;
        this.companies = companies;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Holiday create(Caller caller, UUID companyId, HolidayBody body) {
        caller.adminOf(companyId);
        if (body == null || body.date() == null) {
            throw ApiException.invalid("date", "is required");
        }
        companies.ensureExists(companyId);
        Holiday holiday = validated(companyId, UUID.randomUUID(), body.date(), body.name(), body.location(),
                Boolean.TRUE.equals(body.halfDay()));
        if (!repository.insert(holiday)) {
            throw duplicate(holiday);
        }
        audit.record(companyId, caller.userId(), AuditEntityType.HOLIDAY, holiday.id(), AuditAction.CREATE, null, holiday);
        announce(holiday, "holiday " + holiday.name() + " (" + holiday.date() + ") added");
        return holiday;
    }

    /** An edit: absent fields keep their value; {@code location: null} makes it company-wide. */
    @Transactional
    public Holiday update(Caller caller, UUID companyId, UUID holidayId, PartialBody<HolidayBody> sent) {
        caller.adminOf(companyId);
        if (sent.value() == null) {
            throw ApiException.invalid("body", "is required");
        }
        Holiday before = repository.lock(companyId, holidayId).orElseThrow(() -> ApiException.notFound("holiday"));
        HolidayBody b = sent.value();
        if (sent.has("date") && b.date() == null) {
            throw ApiException.invalid("date", "is required");
        }
        Holiday after = validated(companyId, holidayId, sent.pick("date", b.date(), before.date()),
                sent.pick("name", b.name(), before.name()), sent.pick("location", b.location(), before.location()),
                sent.has("half_day") ? Boolean.TRUE.equals(b.halfDay()) : before.halfDay());
        if (after.equals(before)) {
            return before;
        }
        repository.update(after); // a date and scope that are taken: 409 duplicate_holiday_date
        audit.record(companyId, caller.userId(), AuditEntityType.HOLIDAY, holidayId, AuditAction.UPDATE, before, after);
        announce(before, "holiday " + before.name() + " (" + before.date() + ") changed");
        announce(after, "holiday " + after.name() + " (" + after.date() + ") changed");
        return after;
    }

    /**
     * Lists holidays: {@code location} = those that apply there (company-wide ones included),
     * {@code companyWide} = only the company-wide ones; neither = all.
     */
    @Transactional(readOnly = true)
    public Page<Holiday> list(Caller caller, UUID companyId, Integer year, String location, Boolean companyWide,
                              PageRequest page) {
        caller.inCompany(companyId);
        if (year != null && (year < 1900 || year > 2200)) {
            throw ApiException.invalid("year", "must be between 1900 and 2200");
        }
        boolean onlyCompanyWide = Boolean.TRUE.equals(companyWide);
        if (onlyCompanyWide && location != null) {
            throw ApiException.invalid("company_wide", "cannot be combined with location");
        }
        if (location != null && location.length() > 100) {
            throw ApiException.invalid("location", "must be at most 100 characters");
        }
        return repository.page(companyId, year, new HolidayRepository.Scope(onlyCompanyWide, location), page);
    }

    @Transactional
    public void delete(Caller caller, UUID companyId, UUID holidayId) {
        caller.adminOf(companyId);
        Holiday holiday = repository.find(companyId, holidayId).orElseThrow(() -> ApiException.notFound("holiday"));
        repository.delete(companyId, holidayId);
        audit.record(companyId, caller.userId(), AuditEntityType.HOLIDAY, holidayId, AuditAction.DELETE, holiday, null);
        announce(holiday, "holiday " + holiday.name() + " (" + holiday.date() + ") removed");
    }

    /** {@code POST /holidays/import}: one preset year for one scope; a re-import creates nothing. */
    @Transactional
    public HolidayImportResult importPreset(Caller caller, UUID companyId, HolidayImportBody body) {
        caller.adminOf(companyId);
        ApiException.required(body, "body");
        if (body.year() == null || body.year() < 1900 || body.year() > 2200) {
            throw ApiException.invalid("year", "is required, between 1900 and 2200");
        }
        String language = body.language() == null ? "en" : body.language().trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            throw ApiException.invalid("language", "must be a two-letter language code such as en or de");
        }
        String location = location(companyId, body.location());
        companies.ensureExists(companyId);
        return importYear(companyId, caller.userId(), body.country(), body.region(), body.year(), location,
                Locale.forLanguageTag(language));
    }

    /**
     * The import itself, inside the caller's transaction (the route, a location's binding and the
     * worker): insert the missing holidays in one statement, one audit row per holiday created.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    HolidayImportResult importYear(UUID companyId, UUID actorId, String country, String region, int year, String location,
                                   Locale language) {
        List<HolidayPresets.PresetHoliday> preset = presets.holidays(country, region, year, language);
        List<Holiday> created = repository.insertMissing(companyId, location, preset);
        if (!created.isEmpty()) {
            String source = country.trim().toUpperCase(Locale.ROOT)
                    + (region == null || region.isBlank() ? "" : "-" + region.trim().toUpperCase(Locale.ROOT));
            Map<UUID, Object[]> rows = new LinkedHashMap<>();
            Set<LocalDate> dates = new LinkedHashSet<>();
            for (Holiday h : created) {
                rows.put(h.id(), new Object[]{null, imported(h, "preset " + source + " " + year)});
                dates.add(h.date());
            }
            audit.recordAll(companyId, actorId, AuditEntityType.HOLIDAY, AuditAction.CREATE, rows);
            events.publishEvent(new HolidaysChanged(companyId, location, dates,
                    "holidays of " + source + " " + year + " imported" + (location == null ? "" : " for " + location)));
        }
        return new HolidayImportResult(created.size(), preset.size() - created.size());
    }

    private Holiday validated(UUID companyId, UUID id, LocalDate date, String name, String location, boolean halfDay) {
        if (date == null) {
            throw ApiException.invalid("date", "is required");
        }
        if (date.getYear() < 1900 || date.getYear() > 2200) {
            throw ApiException.invalid("date", "must be between 1900 and 2200");
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            throw ApiException.invalid("name", "is required (1 to 200 characters)");
        }
        return new Holiday(id, companyId, date, name.trim(), location(companyId, location), halfDay);
    }

    /** Blank = company-wide; otherwise trimmed, and spelled like the company's location of that name if there is one. */
    private String location(UUID companyId, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String trimmed = location.trim();
        if (trimmed.length() > 100) {
            throw ApiException.invalid("location", "must be at most 100 characters");
        }
        return locations.spelling(companyId, trimmed).orElse(trimmed);
    }

    /** The audit row of an imported holiday: the holiday's own fields (the audit log names it from them) and its source. */
    private static Map<String, Object> imported(Holiday h, String source) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", h.id());
        row.put("company_id", h.companyId());
        row.put("date", h.date().toString());
        row.put("name", h.name());
        row.put("location", h.location());
        row.put("half_day", h.halfDay());
        row.put("source", source);
        return row;
    }

    private static ApiException duplicate(Holiday holiday) {
        return ApiException.conflict("duplicate_holiday_date", "there is already a holiday on " + holiday.date()
                + (holiday.location() == null ? "" : " for " + holiday.location()));
    }

    private void announce(Holiday holiday, String cause) {
        events.publishEvent(new HolidaysChanged(holiday.companyId(), holiday.location(), Set.of(holiday.date()), cause));
    }

    @Transactional(readOnly = true)
    public Set<LocalDate> datesBetween(UUID companyId, LocalDate from, LocalDate to) {
        return repository.datesBetween(companyId, from, to);
    }
}
