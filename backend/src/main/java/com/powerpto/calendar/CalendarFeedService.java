package com.powerpto.calendar;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Secret iCalendar feed URLs: a 256-bit random token per person and scope, stored only as its
 * SHA-256; creating a feed of a scope that exists rotates it (the old URL stops at once).
 */
@Service
public class CalendarFeedService {

    /** What a feed shows: from 90 days back to 400 days ahead. */
    static final Duration PAST = Duration.ofDays(90);
    static final Duration FUTURE = Duration.ofDays(400);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeedRepository repository;
    private final AuditService audit;
    private final Clock clock;
    private final String baseUrl;

    public CalendarFeedService(CalendarFeedRepository repository, AuditService audit, Clock clock,
                               @Value("${pto.notifications.base-url:http://localhost:8000}") String baseUrl) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public record FeedBody(String scope, Boolean includePending) {
    }

    public record Feeds(List<CalendarFeed> items) {
    }

    /** A rendered feed and its ETag. */
    public record Ics(String body, String etag) {
    }

    @Transactional(readOnly = true)
    public Feeds list(Caller caller) {
        requirePerson(caller);
        return new Feeds(repository.live(caller.companyId(), caller.userId()));
    }

    @Transactional
    public CalendarFeed create(Caller caller, FeedBody body) {
        requirePerson(caller);
        if (body == null || body.scope() == null) {
            throw ApiException.invalid("scope", "is required");
        }
        String scope = body.scope().trim().toUpperCase(Locale.ROOT);
        if (!List.of("MINE", "TEAM", "COMPANY", "HOLIDAYS").contains(scope)) {
            throw ApiException.invalid("scope", "must be one of mine, team, company, holidays");
        }
        if (scope.equals("COMPANY") && !caller.isAdmin()) {
            throw ApiException.forbidden("only admins can subscribe to the whole company");
        }
        Instant now = clock.instant();
        Optional<UUID> rotated = repository.revokeScope(caller.companyId(), caller.userId(), scope, now);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        boolean pending = Boolean.TRUE.equals(body.includePending());
        repository.insert(caller.companyId(), id, caller.userId(), scope, pending, sha256(token), now);
        audit.record(caller.companyId(), caller.userId(), AuditEntityType.EMPLOYEE, caller.userId(), AuditAction.UPDATE,
                rotated.map(old -> Map.<String, Object>of("calendar_feed", old)).orElse(null),
                Map.of("calendar_feed", id, "scope", scope.toLowerCase(Locale.ROOT)));
        return new CalendarFeed(id, scope.toLowerCase(Locale.ROOT), pending, now, token,
                baseUrl + "/api/calendar/" + token + ".ics");
    }

    @Transactional
    public void revoke(Caller caller, UUID feedId) {
        if (!repository.revoke(caller.companyId(), caller.userId(), feedId, clock.instant())) {
            throw ApiException.notFound("calendar feed");
        }
        audit.record(caller.companyId(), caller.userId(), AuditEntityType.EMPLOYEE, caller.userId(), AuditAction.UPDATE,
                Map.of("calendar_feed", feedId), Map.of("calendar_feed_revoked", feedId));
    }

    /** The feed behind a token; empty (→ 404) for unknown, revoked, or no longer permitted feeds. */
    @Transactional(readOnly = true)
    public Optional<Ics> render(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Optional<CalendarFeedRepository.LiveFeed> found = repository.byTokenHash(sha256(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CalendarFeedRepository.LiveFeed feed = found.get();
        Instant now = clock.instant();
        Instant from = now.minus(PAST);
        Instant to = now.plus(FUTURE);
        String title;
        List<CalendarFeedRepository.Absence> absences = List.of();
        List<CalendarFeedRepository.HolidayRow> holidays = List.of();
        switch (feed.scope()) {
            case "MINE" -> {
                title = "My time off";
                absences = repository.absences(feed.companyId(), "SELF", feed.employeeId(), null, feed.includePending(), from, to);
            }
            case "TEAM" -> {
                title = "My team's time off";
                // A manager's team is their reports; anyone else's, the colleagues who share their manager.
                boolean leads = repository.hasReports(feed.companyId(), feed.employeeId());
                absences = leads
                        ? repository.absences(feed.companyId(), "REPORTS", feed.employeeId(), null, feed.includePending(), from, to)
                        : feed.ownerManagerId() == null
                        ? repository.absences(feed.companyId(), "SELF", feed.employeeId(), null, feed.includePending(), from, to)
                        : repository.absences(feed.companyId(), "PEERS", feed.employeeId(), feed.ownerManagerId(),
                        feed.includePending(), from, to);
            }
            case "COMPANY" -> {
                if (!"admin".equals(feed.ownerRole())) {
                    return Optional.empty(); // the owner is no longer an admin
                }
                title = "Company time off";
                absences = repository.absences(feed.companyId(), "COMPANY", feed.employeeId(), null, feed.includePending(), from, to);
            }
            default -> {
                title = "Company holidays";
                holidays = repository.holidays(feed.companyId(), LocalDate.ofInstant(from, ZoneOffset.UTC),
                        LocalDate.ofInstant(to, ZoneOffset.UTC));
            }
        }
        String body = IcsWriter.write(title, absences, holidays);
        return Optional.of(new Ics(body, "\"" + sha256(body).substring(0, 32) + "\""));
    }

    private void requirePerson(Caller caller) {
        if (!repository.employeeExists(caller.companyId(), caller.userId())) {
            throw ApiException.notFound("employee");
        }
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
