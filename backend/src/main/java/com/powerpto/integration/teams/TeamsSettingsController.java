package com.powerpto.integration.teams;

import com.powerpto.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** A company's Microsoft Teams webhook (admins; docs/api-extensions.md). */
@RestController
@RequestMapping("/api/companies/{companyId}/integrations/teams")
public class TeamsSettingsController {

    private final TeamsSettingsService teams;

    public TeamsSettingsController(TeamsSettingsService teams) {
        this.teams = teams;
    }

    @GetMapping
    public TeamsSettingsService.View get(Caller caller, @PathVariable UUID companyId) {
        return teams.get(caller, companyId);
    }

    @PutMapping
    public TeamsSettingsService.View put(Caller caller, @PathVariable UUID companyId, @RequestBody TeamsSettingsService.Body body) {
        return teams.put(caller, companyId, body);
    }

    @PostMapping("/test")
    public TeamsSettingsService.Connection test(Caller caller, @PathVariable UUID companyId) {
        return teams.test(caller, companyId);
    }

    @DeleteMapping
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID companyId) {
        teams.delete(caller, companyId);
        return ResponseEntity.noContent().build();
    }
}
