package com.powerpto.integration.slack;

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

/** A company's Slack app settings (admins; docs/api-extensions.md). */
@RestController
@RequestMapping("/api/companies/{companyId}/integrations/slack")
public class SlackSettingsController {

    private final SlackSettingsService slack;

    public SlackSettingsController(SlackSettingsService slack) {
        this.slack = slack;
    }

    @GetMapping
    public SlackSettingsService.View get(Caller caller, @PathVariable UUID companyId) {
        return slack.get(caller, companyId);
    }

    @PutMapping
    public SlackSettingsService.View put(Caller caller, @PathVariable UUID companyId, @RequestBody SlackSettingsService.Body body) {
        return slack.put(caller, companyId, body);
    }

    @PostMapping("/test")
    public SlackSettingsService.Connection test(Caller caller, @PathVariable UUID companyId) {
        return slack.test(caller, companyId);
    }

    @DeleteMapping
    public ResponseEntity<Void> delete(Caller caller, @PathVariable UUID companyId) {
        slack.delete(caller, companyId);
        return ResponseEntity.noContent().build();
    }
}
