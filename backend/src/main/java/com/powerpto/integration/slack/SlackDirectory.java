package com.powerpto.integration.slack;

import com.powerpto.platform.security.EmailKey;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who an employee is in the company's Slack workspace: users.lookupByEmail with the employee's
 * e-mail, cached in PostgreSQL (every task shares it) while the address stays the same. A failed
 * direct message forgets the entry ({@link #forget}), so the next try asks Slack again; "not in the
 * workspace" is remembered for an hour.
 */
@Component
class SlackDirectory {

    static final Duration NOT_FOUND_FOR = Duration.ofHours(1);

    private final SlackRepository repository;
    private final Clock clock;

    SlackDirectory(SlackRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    Optional<String> userOf(SlackApi api, String token, UUID companyId, UUID employeeId, String email) throws SlackApi.Failure {
        String key = EmailKey.of(email);
        Instant now = clock.instant();
        var cached = repository.cachedUser(companyId, employeeId);
        if (cached.isPresent() && cached.get().emailKey().equals(key)
                && (cached.get().slackUserId() != null || cached.get().resolvedAt().isAfter(now.minus(NOT_FOUND_FOR)))) {
            return Optional.ofNullable(cached.get().slackUserId());
        }
        Optional<String> found = api.lookupByEmail(token, email);
        repository.cacheUser(companyId, employeeId, key, found.orElse(null), now);
        return found;
    }

    void forget(UUID companyId, UUID employeeId) {
        repository.forgetUser(companyId, employeeId);
    }
}
