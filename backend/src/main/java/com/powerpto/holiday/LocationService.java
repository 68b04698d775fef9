package com.powerpto.holiday;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.company.CompanyRepository;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A company's locations (issue 28): admins create them, bind them to a holiday preset and delete
 * them; anyone in the company lists them. Binding fills in the preset's holidays at once (this
 * year's, and next year's in December); deleting a location keeps its holidays.
 */
@Service
public class LocationService {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    private final LocationRepository repository;
    private final HolidayPresets presets;
    private final HolidayUpkeep upkeep;
    private final CompanyRepository companies;
    private final AuditService audit;
    private final Clock clock;

    public LocationService(LocationRepository repository, HolidayPresets presets, HolidayUpkeep upkeep,
                           CompanyRepository companies, AuditService audit, Clock clock) {
        this.repository = repository;
        this.presets = presets;
        this.upkeep = upkeep;
        this.companies = companies;
        this.audit = audit;
        this.clock = clock;
    }

    /** A preset binding as validated: codes upper case, language lower case (null = English). */
    private record Binding(String country, String region, String language) {
        static final Binding NONE = new Binding(null, null, null);
    }

    @Transactional(readOnly = true)
    public Page<Location> list(Caller caller, UUID companyId, PageRequest page) {
        caller.inCompany(companyId);
        List<Location> all = repository.all(companyId);
        int from = (int) Math.min(all.size(), page.offset());
        int to = (int) Math.min(all.size(), (long) from + page.limit());
        return new Page<>(all.subList(from, to), all.size());
    }

    @Transactional
    public Location create(Caller caller, UUID companyId, LocationBody body) {
        caller.adminOf(companyId);
        ApiException.required(body, "body");
        if (body.name() == null || body.name().isBlank() || body.name().trim().length() > 100) {
            throw ApiException.invalid("name", "is required (1 to 100 characters)");
        }
        Binding binding = binding(body);
        companies.ensureExists(companyId);
        UUID id = UUID.randomUUID();
        String name = body.name().trim();
        if (!repository.insert(companyId, id, name, clock.instant())) {
            throw ApiException.conflict("duplicate_location", "there is already a location named " + name)
                    .withDetail("Location names are compared without regard to case.");
        }
        if (binding.country() != null) {
            repository.bind(companyId, id, binding.country(), binding.region(), binding.language(), clock.instant());
        }
        audit.record(companyId, caller.userId(), AuditEntityType.LOCATION, id, AuditAction.CREATE, null,
                repository.find(companyId, id).orElseThrow());
        upkeep.fill(companyId, id, caller.userId(), today(), false);
        return repository.find(companyId, id).orElseThrow();
    }

    /** Changes the preset binding ({@code country: null} unbinds); the name stays. */
    @Transactional
    public Location bind(Caller caller, UUID companyId, UUID locationId, LocationBody body) {
        caller.adminOf(companyId);
        ApiException.required(body, "body");
        Location before = repository.lock(companyId, locationId, false).orElseThrow(() -> ApiException.notFound("location"));
        if (body.name() != null && !body.name().trim().equalsIgnoreCase(before.name())) {
            throw ApiException.invalid("name", "cannot be changed: employees and holidays carry it; create another location instead");
        }
        Binding binding = binding(body);
        if (Objects.equals(binding, new Binding(before.country(), before.region(), before.language()))) {
            return before;
        }
        repository.bind(companyId, locationId, binding.country(), binding.region(), binding.language(), clock.instant());
        audit.record(companyId, caller.userId(), AuditEntityType.LOCATION, locationId, AuditAction.UPDATE, before,
                repository.find(companyId, locationId).orElseThrow());
        upkeep.fill(companyId, locationId, caller.userId(), today(), false);
        return repository.find(companyId, locationId).orElseThrow();
    }

    @Transactional
    public void delete(Caller caller, UUID companyId, UUID locationId) {
        caller.adminOf(companyId);
        Location before = repository.lock(companyId, locationId, false).orElseThrow(() -> ApiException.notFound("location"));
        repository.delete(companyId, locationId);
        audit.record(companyId, caller.userId(), AuditEntityType.LOCATION, locationId, AuditAction.DELETE, before, null);
    }

    private Binding binding(LocationBody body) {
        if (body.country() == null || body.country().isBlank()) {
            if (body.region() != null && !body.region().isBlank()) {
                throw ApiException.invalid("country", "is required with a region");
            }
            return Binding.NONE;
        }
        String country = body.country().trim().toUpperCase(Locale.ROOT);
        String region = body.region() == null || body.region().isBlank() ? null : body.region().trim().toUpperCase(Locale.ROOT);
        if (region != null && region.startsWith(country + "-")) {
            region = region.substring(country.length() + 1);
        }
        if (!country.matches("^[A-Z]{2}$") || !presets.exists(country, null)) {
            throw ApiException.invalid("country", "must be the ISO 3166 code of a country with a preset (GET /api/holiday-presets)");
        }
        if (region != null && !presets.exists(country, region)) {
            throw ApiException.invalid("region", "is not a region of " + country + " with a preset (GET /api/holiday-presets?country=" + country + ")");
        }
        String language = body.language() == null || body.language().isBlank() ? null : body.language().trim().toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw ApiException.invalid("language", "must be a two-letter language code such as en or de");
        }
        return new Binding(country, region, language);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
