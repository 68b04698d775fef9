package com.powerpto.holiday;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    public HolidayController(HolidayService holidays) {
        this.holidays = holidays;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Holiday create(Caller caller, @PathVariable UUID companyId, @RequestBody HolidayBody body) {
        return holidays.create(caller, companyId, body);
    }

    @GetMapping
    public Page<Holiday> list(Caller caller, @PathVariable UUID companyId,
                              @RequestParam(required = false) Integer year, PageRequest page) {
        return holidays.list(caller, companyId, year, page);
    }

    @DeleteMapping("/{holidayId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable UUID companyId, @PathVariable UUID holidayId) {
        holidays.delete(caller, companyId, holidayId);
    }
}
