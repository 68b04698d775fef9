package com.powerpto.calendar;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.PublicBaseUrl;
import com.powerpto.platform.web.ApiException;
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
    private static final int MAX_CACHED = 500;

    /** Last rendering per feed, least recently used out first: a few hundred KB per company feed at most. */
    private final Map<UUID, Ics> cache = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Ics> eldest) {
            return size() > MAX_CACHED;
        }
    });

    private final CalendarFeedRepository repository;
    private final AuditService audit;
    private final Clock clock;
    private final PublicBaseUrl baseUrl;

    public CalendarFeedService(CalendarFeedRepository repository, AuditService audit, Clock clock, PublicBaseUrl baseUrl) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    public record FeedBody(String scope, Boolean includePending) {
    }

    public record Feeds(List<CalendarFeed> items) {
    }

    /**
     * A rendered feed (UTF-8 bytes, and gzip for clients that accept it) and its ETag; no body for
     * a 304. Kept as bytes so a cached feed is written out without re-encoding 400 KB per poll.
     */
    public record Ics(byte[] body, byte[] gzip, String etag) {

        static Ics of(byte[] body, String etag) {
            return new Ics(body, Gzip.compress(body), etag);
        }

        static Ics notModified(String etag) {
            return new Ics(null, null, etag);
        }

        public boolean notModified() {
            return body == null;
        }
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
                baseUrl.current() + "/api/calendar/" + token + ".ics");
    }

    @Transactional
    public void revoke(Caller caller, UUID feedId) {
        if (!repository.revoke(caller.companyId(), caller.userId(), feedId, clock.instant())) {
            throw ApiException.notFound("calendar feed");
        }
        audit.record(caller.companyId(), caller.userId(), AuditEntityType.EMPLOYEE, caller.userId(), AuditAction.UPDATE,
                Map.of("calendar_feed", feedId), Map.of("calendar_feed_revoked", feedId));
    }

    /**
     * The feed behind a token; empty (→ 404) for unknown, revoked, or no longer permitted feeds.
     * Two indexed queries decide everything a poll needs: the token's feed, and the fingerprint of
     * the rows it could show, which is also the ETag. So a revalidation ({@code If-None-Match})
     * answers 304 without rendering, and an unchanged feed is served from the bytes rendered at its
     * last change (plain and gzip), on any instance that rendered it once.
     */
    @Transactional(readOnly = true)
    public Optional<Ics> render(String token, String ifNoneMatch) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<CalendarFeedRepository.LiveFeed> found = repository.byTokenHash(sha256(token), now);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CalendarFeedRepository.LiveFeed feed = found.get();
        Instant from = now.minus(PAST);
        Instant to = now.plus(FUTURE);
        String who = switch (feed.scope()) {
            case "MINE" -> "SELF";
            // A manager's team is their reports; anyone else's, the colleagues who share their manager.
            case "TEAM" -> feed.ownerHasReports() ? "REPORTS" : feed.ownerManagerId() == null ? "SELF" : "PEERS";
            case "COMPANY" -> "COMPANY";
            default -> "HOLIDAYS";
        };
        if (who.equals("COMPANY") && !"admin".equals(feed.ownerRole())) {
            return Optional.empty(); // the owner is no longer an admin
        }
        if (who.equals("HOLIDAYS")) {
            // the owner's holidays: the company-wide ones and their location's (issue 28)
            byte[] body = IcsWriter.write("Company holidays", List.of(), repository.holidaysOf(feed.companyId(),
                    feed.employeeId(), LocalDate.ofInstant(from, ZoneOffset.UTC), LocalDate.ofInstant(to, ZoneOffset.UTC)))
                    .getBytes(StandardCharsets.UTF_8);
            String etag = etag(sha256(body));
            return Optional.of(matches(ifNoneMatch, etag) ? Ics.notModified(etag) : Ics.of(body, etag));
        }
        // The window moves daily, so the day is part of the fingerprint.
        String fingerprint = IcsWriter.FORMAT + "|" + LocalDate.ofInstant(now, ZoneOffset.UTC) + "|" + feed.scope() + "|"
                + who + "|" + feed.includePending() + "|" + feed.ownerManagerId() + "|"
                + repository.fingerprint(feed.companyId(), who, feed.employeeId(), feed.ownerManagerId(), from, to);
        String etag = etag(sha256(fingerprint));
        if (matches(ifNoneMatch, etag)) {
            return Optional.of(Ics.notModified(etag));
        }
        Ics cached = cache.get(feed.id());
        if (cached != null && cached.etag().equals(etag)) {
            return Optional.of(cached);
        }
        String title = switch (who) {
            case "SELF" -> feed.scope().equals("MINE") ? "My time off" : "My team's time off";
            case "COMPANY" -> "Company time off";
            default -> "My team's time off";
        };
        byte[] body = IcsWriter.write(title, repository.absences(feed.companyId(), who, feed.employeeId(),
                feed.ownerManagerId(), pendingShown(feed.includePending(), who), from, to),
                List.of()).getBytes(StandardCharsets.UTF_8);
        Ics ics = Ics.of(body, etag);
        cache.put(feed.id(), ics);
        return Optional.of(ics);
    }

    /**
     * Which pending requests a feed with {@code include_pending} shows: as who's out, colleagues'
     * requests only once approved (issue 25, finding 7); a manager's reports' and an admin's
     * company's all, one's own always.
     */
    static CalendarFeedRepository.Pending pendingShown(boolean includePending, String who) {
        if (!includePending) {
            return CalendarFeedRepository.Pending.NONE;
        }
        return who.equals("REPORTS") || who.equals("COMPANY") ? CalendarFeedRepository.Pending.ALL
                : CalendarFeedRepository.Pending.OWN;
    }

    /** {@code If-None-Match}: a list of tags, or {@code *}; weak tags (W/) compare equal for a GET. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(String hash) {
        return "\"" + hash.substring(0, 32) + "\"";
    }

    private void requirePerson(Caller caller) {
        if (!repository.employeeExists(caller.companyId(), caller.userId())) {
            throw ApiException.notFound("employee");
        }
    }

    static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
