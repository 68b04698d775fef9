package com.powerpto.holiday;

import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A company's locations and their holiday preset bindings (issue 28). */
@RestController
@RequestMapping("/api/companies/{companyId}/locations")
public class LocationController {

    private final LocationService locations;

    public LocationController(LocationService locations) {
        this.locations = locations;
    }

    @GetMapping
    public Page<Location> list(Caller caller, @PathVariable UUID companyId, PageRequest page) {
        return locations.list(caller, companyId, page);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Location create(Caller caller, @PathVariable UUID companyId, @RequestBody LocationBody body) {
        return locations.create(caller, companyId, body);
    }

    /** Binds the location to a preset ({@code country}, {@code region}, {@code language}) or unbinds it ({@code country: null}). */
    @PutMapping("/{locationId}")
    public Location bind(Caller caller, @PathVariable UUID companyId, @PathVariable UUID locationId,
                         @RequestBody LocationBody body) {
        return locations.bind(caller, companyId, locationId, body);
    }

    @DeleteMapping("/{locationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable UUID companyId, @PathVariable UUID locationId) {
        locations.delete(caller, companyId, locationId);
    }
}
