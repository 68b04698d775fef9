package com.powerpto.calendar;

import com.powerpto.platform.time.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Feed tokens (hashed) and the rows a feed shows. Every query is bound to one company. */
@Repository
class CalendarFeedRepository {

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live feed found by its token hash, with what its owner may still see. */
    record LiveFeed(UUID companyId, UUID id, UUID employeeId, String scope, boolean includePending, String ownerRole,
                    UUID ownerManagerId, boolean ownerHasReports) {
    }

    /** One time-off row of a feed or of who's out: names and dates, never reasons. */
    record Absence(UUID requestId, String name, Instant startAt, Instant endAt, String status, String timezone,
                   LocalTime workdayStart, int workdayMinutes, long sequence, UUID employeeId, UUID policyId) {

        ZoneId zone() {
            return Zones.orUtc(timezone);
        }
    }

    /** Which submitted (pending) requests a view shows besides the approved ones. */
    enum Pending { NONE, ALL, OWN }

    /** A holiday of a feed or of who's out; {@code location} null = the whole company. */
    record HolidayRow(UUID id, LocalDate date, String name, String location, boolean halfDay) {

        HolidayRow(UUID id, LocalDate date, String name) {
            this(id, date, name, null, false);
        }
    }

    /** A located holiday of one person in view (issue 28): who is off, on which day, for which holiday. */
    record PersonHoliday(UUID employeeId, String name, LocalDate date, String holiday, String location, boolean halfDay) {
    }

    void insert(UUID companyId, UUID id, UUID employeeId, String scope, boolean includePending, String tokenHash, Instant now) {
        jdbc.sql("""
                INSERT INTO calendar_feeds (company_id, id, employee_id, scope, include_pending, token_hash, created_at)
                VALUES (:company, :id, :employee, :scope, :pending, :hash, :now)
                """).param("company", companyId).param("id", id).param("employee", employeeId).param("scope", scope)
                .param("pending", includePending).param("hash", tokenHash).param("now", Timestamp.from(now)).update();
    }

    /** Revokes the owner's live feed of a scope (rotation); returns the revoked id, if any. */
    Optional<UUID> revokeScope(UUID companyId, UUID employeeId, String scope, Instant now) {
        return jdbc.sql("""
                UPDATE calendar_feeds SET revoked_at = :now
                WHERE company_id = :company AND employee_id = :employee AND scope = :scope AND revoked_at IS NULL
                RETURNING id
                """).param("now", Timestamp.from(now)).param("company", companyId).param("employee", employeeId)
                .param("scope", scope).query(UUID.class).optional();
    }

    boolean revoke(UUID companyId, UUID employeeId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE calendar_feeds SET revoked_at = :now
                WHERE company_id = :company AND employee_id = :employee AND id = :id AND revoked_at IS NULL
                """).param("now", Timestamp.from(now)).param("company", companyId).param("employee", employeeId)
                .param("id", id).update() == 1;
    }

    /** The owner's feeds that still answer: not revoked, and made in the account's current session generation. */
    List<CalendarFeed> live(UUID companyId, UUID employeeId) {
        return jdbc.sql("""
                SELECT f.id, f.scope, f.include_pending, f.created_at FROM calendar_feeds f
                LEFT JOIN accounts a ON a.company_id = f.company_id AND a.employee_id = f.employee_id
                WHERE f.company_id = :company AND f.employee_id = :employee AND f.revoked_at IS NULL
                  AND f.session_generation = COALESCE(a.session_generation, 0)
                ORDER BY f.scope
                """).param("company", companyId).param("employee", employeeId)
                .query((rs, n) -> new CalendarFeed(rs.getObject("id", UUID.class), rs.getString("scope").toLowerCase(),
                        rs.getBoolean("include_pending"), rs.getTimestamp("created_at").toInstant(), null, null)).list();
    }

    /*
     * The three queries of a poll and a render are package-private texts so that bench/calendar
     * (CalendarFeedBench) EXPLAINs exactly what runs, with the parameters named here.
     */

    /** Parameters :hash, :now. */
    static final String BY_TOKEN_HASH = """
            SELECT f.company_id, f.id, f.employee_id, f.scope, f.include_pending, a.role, e.manager_id,
                   EXISTS (SELECT 1 FROM employees r
                           WHERE r.company_id = f.company_id AND r.manager_id = f.employee_id AND r.active) AS has_reports
            FROM calendar_feeds f
            JOIN employees e ON e.company_id = f.company_id AND e.id = f.employee_id AND e.active
                 AND (e.access_ends_at IS NULL OR e.access_ends_at > :now)
            LEFT JOIN accounts a ON a.company_id = f.company_id AND a.employee_id = f.employee_id
            WHERE f.token_hash = :hash AND f.revoked_at IS NULL
              AND a.active IS DISTINCT FROM false
              AND f.session_generation = COALESCE(a.session_generation, 0)
            """;

    /** Parameters :company, :person, :manager, :from, :to (as {@link #filter} uses them). */
    static String absencesSql(String who, Pending pending) {
        String shown = switch (pending) {
            case NONE -> "r.status = 'APPROVED'";
            case ALL -> "TRUE";
            case OWN -> "(r.status = 'APPROVED' OR r.employee_id = :person)";
        };
        return """
                SELECT r.id, r.employee_id, r.policy_id, e.first_name || ' ' || e.last_name AS name, r.start_at, r.end_at,
                       r.status, e.timezone, e.workday_start, e.workday_minutes,
                       greatest(0, floor(extract(epoch FROM r.updated_at - r.created_at)))::bigint AS sequence
                FROM requests r
                JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                WHERE r.company_id = :company
                  AND r.status IN ('SUBMITTED', 'APPROVED') -- the partial index's predicate, even in a generic plan
                  AND r.start_at < :to AND r.end_at > :from
                  AND e.active AND %s AND %s
                ORDER BY r.start_at, name, r.id
                """.formatted(shown, filter(who));
    }

    /** Parameters as {@link #absencesSql}. */
    static String fingerprintSql(String who) {
        return """
                SELECT count(*) || ':' || count(*) FILTER (WHERE e.active) || ':'
                       || coalesce(max(r.updated_at)::text, '-') || ':' || coalesce(max(e.updated_at)::text, '-')
                FROM requests r
                JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                WHERE r.company_id = :company AND r.status IN ('SUBMITTED', 'APPROVED')
                  AND r.start_at < :to AND r.end_at > :from AND %s
                """.formatted(filter(who));
    }

    /**
     * The feed of a token, only while it is live and its owner may still sign in: employee active,
     * employment not ended ({@code access_ends_at}), account not deactivated, and the account still
     * in the session generation the feed was made in (issue 25: sign-out everywhere, a password
     * change or an admin's reset ends the URL like every token). So a feed URL stops working the
     * moment its owner leaves or is deactivated, like their tokens. With whether the owner has
     * reports (what "team" means for them): one indexed round trip.
     */
    Optional<LiveFeed> byTokenHash(String hash, Instant now) {
        return jdbc.sql(BY_TOKEN_HASH).param("hash", hash).param("now", Timestamp.from(now))
                .query((rs, n) -> new LiveFeed(rs.getObject("company_id", UUID.class),
                        rs.getObject("id", UUID.class), rs.getObject("employee_id", UUID.class), rs.getString("scope"),
                        rs.getBoolean("include_pending"), rs.getString("role"), rs.getObject("manager_id", UUID.class),
                        rs.getBoolean("has_reports")))
                .optional();
    }

    /**
     * Approved requests overlapping [from, to) of the active employees chosen by {@code who}: SELF,
     * REPORTS (of :person, and :person), PEERS (same manager as :person, and :person), TEAM_OF
     * (reports of :manager, and :manager) or COMPANY; submitted ones too as {@code pending} says:
     * nobody's, everyone's, or only :person's own.
     */
    List<Absence> absences(UUID companyId, String who, UUID person, UUID managerId, Pending pending,
                           Instant from, Instant to) {
        return jdbc.sql(absencesSql(who, pending))
                .param("company", companyId).param("person", person).param("manager", managerId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Absence(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(), rs.getString("status"),
                        rs.getString("timezone"), rs.getObject("workday_start", LocalTime.class), rs.getInt("workday_minutes"),
                        rs.getLong("sequence"), rs.getObject("employee_id", UUID.class), rs.getObject("policy_id", UUID.class)))
                .list();
    }

    private static String filter(String who) {
        return switch (who) {
            case "SELF" -> "e.id = :person";
            case "REPORTS" -> "(e.manager_id = :person OR e.id = :person)";
            case "PEERS" -> "(e.manager_id = :manager OR e.id = :person)";
            case "TEAM_OF" -> "(e.manager_id = :manager OR e.id = :manager)";
            default -> "TRUE";
        };
    }

    /**
     * A cheap fingerprint of everything {@link #absences} could show, from the same partial index
     * ({@code requests_company_time_idx}: submitted and approved rows only). Any submit, decision or
     * cancellation bumps a request's updated_at (a cancelled or denied row leaves the set: the count
     * drops), any rename or deactivation an employee's; the active count catches a deactivation that
     * does not. Same fingerprint → same feed, so it is also the feed's ETag: a 304 needs no rendering.
     */
    String fingerprint(UUID companyId, String who, UUID person, UUID managerId, Instant from, Instant to) {
        return jdbc.sql(fingerprintSql(who)).param("company", companyId).param("person", person).param("manager", managerId)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).query(String.class).single();
    }

    /**
     * The holidays in [from, to) that apply to one person: the company-wide ones and those of
     * their location (compared case-insensitively), by date, company-wide first.
     */
    List<HolidayRow> holidaysOf(UUID companyId, UUID person, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT h.id, h.date, h.name, h.location, h.half_day FROM holidays h
                WHERE h.company_id = :company AND h.date >= :from AND h.date < :to
                  AND h.location_key IN ('', (SELECT coalesce(lower(e.location), '') FROM employees e
                                              WHERE e.company_id = :company AND e.id = :person))
                ORDER BY h.date, h.location_key
                """).param("company", companyId).param("person", person).param("from", from).param("to", to)
                .query((rs, n) -> new HolidayRow(rs.getObject("id", UUID.class), rs.getObject("date", LocalDate.class),
                        rs.getString("name"), rs.getString("location"), rs.getBoolean("half_day"))).list();
    }

    /**
     * The located holidays in [from, to) of the active people {@code who} chooses (as {@link #absencesSql}):
     * each person on each of their location's holidays, by date and name.
     */
    List<PersonHoliday> peopleHolidays(UUID companyId, String who, UUID person, UUID managerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT e.id, e.first_name || ' ' || e.last_name AS name, h.date, h.name AS holiday, h.location, h.half_day
                FROM employees e
                JOIN holidays h ON h.company_id = e.company_id AND h.location_key = lower(e.location)
                WHERE e.company_id = :company AND e.active AND e.location IS NOT NULL AND %s
                  AND h.date >= :from AND h.date < :to
                ORDER BY h.date, name, e.id
                """.formatted(filter(who))).param("company", companyId).param("person", person).param("manager", managerId)
                .param("from", from).param("to", to)
                .query((rs, n) -> new PersonHoliday(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("date", LocalDate.class), rs.getString("holiday"), rs.getString("location"),
                        rs.getBoolean("half_day"))).list();
    }

    Optional<UUID> managerOf(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT manager_id FROM employees WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", employeeId).query((rs, n) -> Optional.ofNullable(
                        rs.getObject("manager_id", UUID.class))).optional().flatMap(o -> o);
    }

    boolean employeeExists(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT count(*) FROM employees WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", employeeId).query(Long.class).single() > 0;
    }
}
