package com.powerpto.holiday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import com.powerpto.platform.web.PartialBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/companies/{companyId}/holidays")
public class HolidayController {

    private final HolidayService holidays;
    private final ObjectMapper mapper;

    public HolidayController(HolidayService holidays, ObjectMapper mapper) {
        this.holidays = holidays;
        this.mapper = mapper;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Holiday create(Caller caller, @PathVariable UUID companyId, @RequestBody HolidayBody body) {
        return holidays.create(caller, companyId, body);
    }

    /**
     * {@code location}: the holidays that apply there (the company-wide ones included);
     * {@code company_wide=true}: only the company-wide ones; neither: every holiday.
     */
    @GetMapping
    public Page<Holiday> list(Caller caller, @PathVariable UUID companyId,
                              @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) String location,
                              @RequestParam(name = "company_wide", required = false) Boolean companyWide,
                              PageRequest page) {
        return holidays.list(caller, companyId, year, location == null || location.isBlank() ? null : location.trim(),
                companyWide, page);
    }

    /** Edits a holiday: absent fields keep their value; {@code location: null} makes it company-wide. */
    @PutMapping("/{holidayId}")
    public Holiday update(Caller caller, @PathVariable UUID companyId, @PathVariable UUID holidayId,
                          @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                  content = @Content(schema = @Schema(implementation = HolidayBody.class)))
                          @RequestBody JsonNode body) {
        return holidays.update(caller, companyId, holidayId, PartialBody.read(mapper, body, HolidayBody.class));
    }

    @DeleteMapping("/{holidayId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable UUID companyId, @PathVariable UUID holidayId) {
        holidays.delete(caller, companyId, holidayId);
    }

    /** A preset's public holidays of one year, for the whole company or one location; a re-import creates nothing. */
    @PostMapping("/import")
    public HolidayImportResult importPreset(Caller caller, @PathVariable UUID companyId, @RequestBody HolidayImportBody body) {
        return holidays.importPreset(caller, companyId, body);
    }
}
