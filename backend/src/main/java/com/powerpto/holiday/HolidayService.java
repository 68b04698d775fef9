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

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

@Service
public class HolidayService {

    private final HolidayRepository repository;
    private final CompanyRepository companies;
    private final AuditService audit;

    public HolidayService(HolidayRepository repository, CompanyRepository companies, AuditService audit) {
        this.repository = repository;
        this.companies = companies;
        this.audit = audit;
    }

    @Transactional
    public Holiday create(Caller caller, UUID companyId, HolidayBody body) {
        caller.adminOf(companyId);
        if (body == null || body.date() == null) {
            throw ApiException.invalid("date", "is required");
        }
        if (body.date().getYear() < 1900 || body.date().getYear() > 2200) {
            throw ApiException.invalid("date", "must be between 1900 and 2200");
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            throw ApiException.invalid("name", "is required (1 to 200 characters)");
        }
        companies.ensureExists(companyId);
        Holiday holiday = new Holiday(UUID.randomUUID(), companyId, body.date(), body.name().trim());
        if (!repository.insert(holiday)) {
            throw ApiException.conflict("duplicate_holiday_date", "there is already a holiday on " + body.date());
        }
        audit.record(companyId, caller.userId(), AuditEntityType.HOLIDAY, holiday.id(), AuditAction.CREATE, null, holiday);
        return holiday;
    }

    @Transactional(readOnly = true)
    public Page<Holiday> list(Caller caller, UUID companyId, Integer year, PageRequest page) {
        caller.inCompany(companyId);
        if (year != null && (year < 1900 || year > 2200)) {
            throw ApiException.invalid("year", "must be between 1900 and 2200");
        }
        return repository.page(companyId, year, page);
    }

    @Transactional
    public void delete(Caller caller, UUID companyId, UUID holidayId) {
        caller.adminOf(companyId);
        Holiday holiday = repository.find(companyId, holidayId).orElseThrow(() -> ApiException.notFound("holiday"));
        repository.delete(companyId, holidayId);
        audit.record(companyId, caller.userId(), AuditEntityType.HOLIDAY, holidayId, AuditAction.DELETE, holiday, null);
    }

    @Transactional(readOnly = true)
    public Set<LocalDate> datesBetween(UUID companyId, LocalDate from, LocalDate to) {
        return repository.datesBetween(companyId, from, to);
    }
}
