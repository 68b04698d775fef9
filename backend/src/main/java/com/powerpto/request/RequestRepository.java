package com.powerpto.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.ledger.BalanceRule;
import com.powerpto.policy.settings.RequestRules;
import com.powerpto.policy.settings.RequestRulesParser;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SQL of requests. Submission reads its context (employee schedule, policy version in force,
 * assignment coverage, holidays) straight from those tables: it is the hottest write path, and
 * three indexed queries beat a round of service calls (docs/decisions/0004).
 */
@Repository
class RequestRepository {

    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY,
            "SAT", DayOfWeek.SATURDAY, "SUN", DayOfWeek.SUNDAY);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EmployeeSchedule> schedule(UUID companyId, UUID employeeId) {
        return jdbc.sql("""
                SELECT id, manager_id, timezone, work_days, workday_start, workday_minutes, active, department, location
                FROM employees WHERE company_id = :company AND id = :employee
                """).param("company", companyId).param("employee", employeeId)
                .query(RequestRepository::scheduleRow)
                .optional();
    }

    /** The requester's schedule and whether the policy exists: submit's first two questions in one statement (issue 27). */
    record Subject(EmployeeSchedule employee, boolean policyExists) {
    }

    Optional<Subject> subject(UUID companyId, UUID employeeId, UUID policyId) {
        return jdbc.sql("""
                SELECT id, manager_id, timezone, work_days, workday_start, workday_minutes, active, department, location,
                       EXISTS (SELECT 1 FROM policies WHERE company_id = :company AND id = :policy) AS policy_exists
                FROM employees WHERE company_id = :company AND id = :employee
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .query((rs, i) -> new Subject(scheduleRow(rs, i), rs.getBoolean("policy_exists")))
                .optional();
    }

    private static EmployeeSchedule scheduleRow(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new EmployeeSchedule(
                rs.getObject("id", UUID.class),
                rs.getObject("manager_id", UUID.class),
                ZoneId.of(rs.getString("timezone")),
                workDays(rs.getArray("work_days")),
                rs.getObject("workday_start", LocalTime.class),
                rs.getInt("workday_minutes"),
                rs.getBoolean("active"),
                rs.getString("department"),
                rs.getString("location"));
    }

    /** The policy version in force on {@code firstDay}, and whether one assignment covers every day. */
    Optional<RequestContext> context(UUID companyId, UUID employeeId, UUID policyId, LocalDate firstDay, LocalDate lastDay) {
        return jdbc.sql("""
                SELECT v.id, v.type,
                       coalesce((v.settings ->> 'allow_negative')::boolean, false) AS allow_negative,
                       (v.settings ->> 'negative_limit_minutes')::integer AS negative_limit,
                       v.settings -> 'request_rules' AS request_rules, v.settings ->> 'unit' AS unit,
                       (SELECT e.workday_minutes FROM employees e WHERE e.company_id = :company AND e.id = :employee) AS workday,
                       EXISTS (SELECT 1 FROM assignments a
                               WHERE a.company_id = :company AND a.employee_id = :employee AND a.policy_id = :policy
                                 AND a.effective_from <= :first
                                 AND (a.effective_to IS NULL OR a.effective_to > :last)) AS covered
                FROM policy_versions v
                WHERE v.company_id = :company AND v.policy_id = :policy
                  AND v.effective_from <= :first AND (v.effective_to IS NULL OR v.effective_to > :first)
                ORDER BY v.version DESC LIMIT 1
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .param("first", firstDay).param("last", lastDay)
                .query((rs, i) -> new RequestContext(
                        rs.getObject("id", UUID.class),
                        "UNLIMITED".equals(rs.getString("type")) ? BalanceRule.UNLIMITED
                                : new BalanceRule(false, rs.getBoolean("allow_negative"),
                                (Integer) rs.getObject("negative_limit"),
                                new com.powerpto.ledger.AmountUnit(rs.getString("unit"), rs.getInt("workday"))),
                        rs.getBoolean("covered"),
                        requestRules(rs.getString("request_rules"))))
                .optional();
    }

    /**
     * The holidays that apply to an employee of {@code location} (null = none) between two days,
     * inclusive: the company-wide ones and the location's (compared case-insensitively). One per
     * date: a whole day wins over a half day, then the company-wide one (rows come in that order).
     */
    Map<LocalDate, WorkSchedule.HolidayDay> holidays(UUID companyId, String location, LocalDate from, LocalDate to) {
        Map<LocalDate, WorkSchedule.HolidayDay> days = new HashMap<>();
        jdbc.sql("""
                        SELECT date, name, half_day FROM holidays
                        WHERE company_id = :company AND date BETWEEN :from AND :to
                          AND location_key IN ('', coalesce(lower(CAST(:location AS text)), ''))
                        ORDER BY date, half_day, location_key
                        """)
                .param("company", companyId).param("from", from).param("to", to).param("location", location)
                .query((java.sql.ResultSet rs) -> {
                    days.putIfAbsent(rs.getObject("date", LocalDate.class),
                            new WorkSchedule.HolidayDay(rs.getString("name"), rs.getBoolean("half_day")));
                });
        return days;
    }

    /**
     * A live (submitted or approved) request of the employee that overlaps the range, if any. Written
     * as the range overlap of the requests_no_overlap exclusion constraint so that its GiST index is
     * searched on all three columns: with {@code start_at < :end AND end_at > :start} the cached
     * generic plan used that index on (company_id, employee_id) alone, ~300 pages per call
     * (bench/results, issue 9).
     */
    Optional<TimeOffRequest> overlapping(UUID companyId, UUID employeeId, Instant start, Instant end) {
        return jdbc.sql("""
                SELECT * FROM requests
                WHERE company_id = :company AND employee_id = :employee AND status IN ('SUBMITTED', 'APPROVED')
                  AND tstzrange(start_at, end_at, '[)') && tstzrange(:start, :end, '[)')
                LIMIT 1
                """).param("company", companyId).param("employee", employeeId)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query(mapper()).optional();
    }

    Optional<TimeOffRequest> findByIdempotencyKey(UUID companyId, UUID employeeId, String key) {
        return jdbc.sql("SELECT * FROM requests WHERE company_id = :company AND employee_id = :employee AND idempotency_key = :key")
                .param("company", companyId).param("employee", employeeId).param("key", key)
                .query(mapper()).optional();
    }

    Optional<String> payloadHash(UUID companyId, UUID requestId) {
        return jdbc.sql("SELECT payload_hash FROM requests WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", requestId).query(String.class).optional();
    }

    void insert(TimeOffRequest r, String payloadHash, List<DurationCalculator.Day> days) {
        jdbc.sql("""
                INSERT INTO requests (company_id, id, employee_id, policy_id, start_at, end_at, requested_minutes, reason,
                    status, submitted_at, idempotency_key, payload_hash, created_at, updated_at, entered_by,
                    rules_overridden, rule_override_reason, day_breakdown)
                VALUES (:company, :id, :employee, :policy, :start, :end, :minutes, :reason, :status, :submitted,
                    :key, :hash, :created, :created, :entered_by, :overridden, :override_reason, CAST(:days AS jsonb))
                """)
                .param("days", daysJson(days))
                .param("entered_by", r.enteredBy())
                .param("overridden", r.rulesOverridden() == null ? null : r.rulesOverridden().toArray(new String[0]))
                .param("override_reason", r.ruleOverrideReason())
                .param("company", r.companyId()).param("id", r.id()).param("employee", r.employeeId())
                .param("policy", r.policyId()).param("start", Timestamp.from(r.startAt()))
                .param("end", Timestamp.from(r.endAt())).param("minutes", r.requestedMinutes())
                .param("reason", r.reason()).param("status", r.status().name())
                .param("submitted", r.submittedAt() == null ? null : Timestamp.from(r.submittedAt()))
                .param("key", r.idempotencyKey()).param("hash", payloadHash)
                .param("created", Timestamp.from(r.createdAt()))
                .update();
        insertDays(r.companyId(), r.id(), days); // usage belongs to its local days (issue 24)
    }

    /** The breakdown stored at submit; empty for requests submitted before it was kept (issue 26). */
    Optional<List<DurationCalculator.Day>> storedDays(UUID companyId, UUID requestId) {
        return jdbc.sql("SELECT day_breakdown::text FROM requests WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", requestId)
                .query((rs, i) -> Optional.ofNullable(rs.getString(1)).map(RequestRepository::readDays))
                .optional().flatMap(d -> d);
    }

    private static String daysJson(List<DurationCalculator.Day> days) {
        if (days == null) {
            return null;
        }
        var array = JSON.createArrayNode();
        days.forEach(d -> array.addObject().put("date", d.date().toString()).put("minutes", d.minutes())
                .put("reason", d.reason().name()));
        return array.toString();
    }

    private static List<DurationCalculator.Day> readDays(String json) {
        try {
            List<DurationCalculator.Day> days = new java.util.ArrayList<>();
            JSON.readTree(json).forEach(d -> days.add(new DurationCalculator.Day(LocalDate.parse(d.path("date").asText()),
                    d.path("minutes").asLong(), DurationCalculator.DayReason.valueOf(d.path("reason").asText()))));
            return days;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable day_breakdown", e);
        }
    }

    Optional<TimeOffRequest> find(UUID companyId, UUID requestId) {
        return jdbc.sql("SELECT * FROM requests WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", requestId).query(mapper()).optional();
    }

    /** Locks the employee's draft, submitted and approved requests starting at or after {@code from}, oldest first. */
    List<TimeOffRequest> lockOpenStartingFrom(UUID companyId, UUID employeeId, Instant from) {
        return jdbc.sql("""
                SELECT * FROM requests WHERE company_id = :company AND employee_id = :employee
                  AND status IN ('DRAFT', 'SUBMITTED', 'APPROVED') AND start_at >= :from
                ORDER BY start_at, id FOR UPDATE
                """).param("company", companyId).param("employee", employeeId).param("from", Timestamp.from(from))
                .query(mapper()).list();
    }

    /** Approved requests that start before {@code instant} and end after it (they span the end of a last day), locked. */
    List<TimeOffRequest> lockApprovedSpanning(UUID companyId, UUID employeeId, Instant instant) {
        return jdbc.sql("""
                SELECT * FROM requests WHERE company_id = :company AND employee_id = :employee
                  AND status = 'APPROVED' AND start_at < :at AND end_at > :at
                ORDER BY start_at, id FOR UPDATE
                """).param("company", companyId).param("employee", employeeId).param("at", Timestamp.from(instant))
                .query(mapper()).list();
    }

    /**
     * Stores the request's working minutes per local day (the duration calculator's breakdown, issue 24),
     * in one statement whatever the length of the request.
     */
    void insertDays(UUID companyId, UUID requestId, List<DurationCalculator.Day> days) {
        jdbc.sql("""
                INSERT INTO request_days (company_id, request_id, day, minutes)
                SELECT :company, :id, d.date, d.minutes
                FROM jsonb_to_recordset(CAST(:days AS jsonb)) AS d(date date, minutes integer)
                WHERE d.minutes > 0
                """).param("company", companyId).param("id", requestId).param("days", daysJson(days)).update();
    }

    /** Replaces the request's day split (a duration correction, issue 28: the days follow the new minutes). */
    void replaceDays(UUID companyId, UUID requestId, List<DurationCalculator.Day> days) {
        jdbc.sql("DELETE FROM request_days WHERE company_id = :company AND request_id = :id")
                .param("company", companyId).param("id", requestId).update();
        insertDays(companyId, requestId, days);
    }

    /** The request's working minutes per local day, in date order. */
    java.util.SortedMap<LocalDate, Long> days(UUID companyId, UUID requestId) {
        java.util.SortedMap<LocalDate, Long> days = new java.util.TreeMap<>();
        jdbc.sql("SELECT day, minutes FROM request_days WHERE company_id = :company AND request_id = :id")
                .param("company", companyId).param("id", requestId)
                .query(rs -> {
                    days.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return days;
    }

    /** The employee's submitted (pending) requests, oldest first. */
    List<TimeOffRequest> pending(UUID companyId, UUID employeeId) {
        return jdbc.sql("SELECT * FROM requests WHERE company_id = :company AND employee_id = :employee AND status = 'SUBMITTED' ORDER BY start_at, id")
                .param("company", companyId).param("employee", employeeId).query(mapper()).list();
    }

    /** Locks the request row: transitions of one request are serialised here. */
    Optional<Locked> lock(UUID companyId, UUID requestId) {
        RowMapper<TimeOffRequest> requests = mapper();
        return jdbc.sql("""
                        SELECT r.*, (SELECT e.timezone FROM employees e
                                     WHERE e.company_id = r.company_id AND e.id = r.employee_id) AS employee_timezone
                        FROM requests r WHERE r.company_id = :company AND r.id = :id FOR UPDATE OF r
                        """)
                .param("company", companyId).param("id", requestId)
                .query((rs, i) -> new Locked(requests.mapRow(rs, i), rs.getString("employee_timezone") == null
                        ? ZoneOffset.UTC : ZoneId.of(rs.getString("employee_timezone"))))
                .optional();
    }

    /** A locked request and its employee's time zone (UTC when the employee is gone), read with the lock. */
    record Locked(TimeOffRequest request, ZoneId zone) {
    }

    void updateDecision(TimeOffRequest r) {
        jdbc.sql("""
                UPDATE requests SET status = :status, decided_at = :decided_at, decided_by = :decided_by,
                    decision_note = :note, decided_on_behalf_of = :on_behalf_of, updated_at = now()
                WHERE company_id = :company AND id = :id
                """)
                .param("on_behalf_of", r.decidedOnBehalfOf())
                .param("status", r.status().name())
                .param("decided_at", r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()))
                .param("decided_by", r.decidedBy()).param("note", r.decisionNote())
                .param("company", r.companyId()).param("id", r.id())
                .update();
    }

    /** A duration correction: the new minutes (and status), the next revision; answers that revision (its ledger key). */
    int correctDuration(UUID companyId, UUID requestId, long minutes, RequestStatus status,
                        List<DurationCalculator.Day> days) {
        // the day-by-day breakdown follows the minutes (issue 26); a cancelled request keeps its last one
        return jdbc.sql("""
                UPDATE requests SET requested_minutes = :minutes, status = :status,
                    day_breakdown = coalesce(CAST(:days AS jsonb), day_breakdown),
                    duration_revision = duration_revision + 1, updated_at = now()
                WHERE company_id = :company AND id = :id
                RETURNING duration_revision
                """).param("company", companyId).param("id", requestId).param("minutes", minutes)
                .param("status", status.name()).param("days", daysJson(days)).query(Integer.class).single();
    }

    UUID policyVersionOn(UUID companyId, UUID policyId, LocalDate day) {
        return jdbc.sql("""
                SELECT id FROM policy_versions WHERE company_id = :company AND policy_id = :policy
                  AND effective_from <= :day AND (effective_to IS NULL OR effective_to > :day)
                ORDER BY version DESC LIMIT 1
                """).param("company", companyId).param("policy", policyId).param("day", day)
                .query(UUID.class).optional()
                .orElseGet(() -> latestVersion(companyId, policyId));
    }

    private UUID latestVersion(UUID companyId, UUID policyId) {
        return jdbc.sql("SELECT id FROM policy_versions WHERE company_id = :company AND policy_id = :policy ORDER BY version DESC LIMIT 1")
                .param("company", companyId).param("policy", policyId).query(UUID.class).single();
    }

    /**
     * Serialises staffing checks of one group (a team: its manager's id; a department: its name):
     * two submits that together would break the staffing rule queue here, and the second one's
     * count (a new statement under READ COMMITTED) sees the first one's committed request.
     * Released at commit or rollback. The scope is part of the key, so a team and a department
     * never share a lock by accident.
     */
    void lockStaffingGroup(UUID companyId, RequestRules.StaffingScope scope, String group) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:scope || ':' || :company || ':' || :group, 19))")
                .param("scope", scope.name().toLowerCase()).param("company", companyId.toString()).param("group", group)
                .query((rs, i) -> 1).list();
    }

    /**
     * Live requests (any policy) overlapping the range of the other members of the requester's
     * staffing group: the manager's other reports (TEAM), or the other employees of the same
     * department (DEPARTMENT, exact name).
     */
    List<RequestRuleChecker.Absence> groupAbsences(UUID companyId, RequestRules.StaffingScope scope, String group,
                                                   UUID excludedEmployee, Instant start, Instant end) {
        String member = scope == RequestRules.StaffingScope.TEAM ? "e.manager_id = CAST(:group AS uuid)" : "e.department = :group";
        return jdbc.sql("""
                SELECT r.employee_id, r.start_at, r.end_at FROM requests r
                JOIN employees e ON e.company_id = r.company_id AND e.id = r.employee_id
                WHERE r.company_id = :company AND %s AND r.employee_id <> :me
                  AND r.status IN ('SUBMITTED', 'APPROVED')
                  AND r.start_at < :end AND r.end_at > :start
                """.formatted(member)).param("company", companyId).param("group", group).param("me", excludedEmployee)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .query((rs, i) -> new RequestRuleChecker.Absence(rs.getObject("employee_id", UUID.class),
                        instant(rs.getObject("start_at", OffsetDateTime.class)),
                        instant(rs.getObject("end_at", OffsetDateTime.class))))
                .list();
    }

    /** The manager for whom {@code delegate} may decide on {@code day}, if any delegation covers it. */
    Optional<UUID> delegatingManager(UUID companyId, UUID delegate, UUID manager, LocalDate day) {
        return jdbc.sql("""
                SELECT delegator_id FROM approval_delegations
                WHERE company_id = :company AND delegate_id = :delegate AND delegator_id = :manager
                  AND revoked_at IS NULL AND start_date <= :day AND end_date >= :day
                LIMIT 1
                """).param("company", companyId).param("delegate", delegate).param("manager", manager)
                .param("day", day).query(UUID.class).optional();
    }

    /** {@code today} (the application clock's UTC date) decides which delegations are in force. */
    Page<TimeOffRequest> list(Caller caller, RequestFilter filter, PageRequest page, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE r.company_id = :company");
        params.put("company", caller.companyId());
        if (caller.isManager()) {
            // Reports, plus the reports of managers who delegated their approvals to the caller today.
            where.append(" AND (r.employee_id = :me OR EXISTS (SELECT 1 FROM employees e WHERE e.company_id = r.company_id"
                    + " AND e.id = r.employee_id AND (e.manager_id = :me OR e.manager_id IN (SELECT d.delegator_id"
                    + " FROM approval_delegations d WHERE d.company_id = r.company_id AND d.delegate_id = :me"
                    + " AND d.revoked_at IS NULL AND d.start_date <= :today AND d.end_date >= :today))))");
            params.put("me", caller.userId());
            params.put("today", today);
        } else if (!caller.isAdmin()) {
            where.append(" AND r.employee_id = :me");
            params.put("me", caller.userId());
        }
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.policyId() != null) {
            where.append(" AND r.policy_id = :policy");
            params.put("policy", filter.policyId());
        }
        if (filter.employeeId() != null) {
            where.append(" AND r.employee_id = :employee");
            params.put("employee", filter.employeeId());
        }
        if (filter.startDate() != null) {
            where.append(" AND r.end_at > :from");
            params.put("from", filter.startDate().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (filter.endDate() != null) {
            where.append(" AND r.start_at < :to");
            params.put("to", filter.endDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("SELECT count(*) FROM requests r" + where).params(params).query(Long.class).single();
        List<TimeOffRequest> items = jdbc.sql("SELECT r.* FROM requests r" + where
                        + " ORDER BY r.start_at DESC, r.id OFFSET :offset LIMIT :limit")
                .params(params).param("offset", page.offset()).param("limit", page.limit())
                .query(mapper()).list();
        return new Page<>(items, total);
    }


    private static RowMapper<TimeOffRequest> mapper() {
        return (rs, i) -> new TimeOffRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("company_id", UUID.class),
                rs.getObject("employee_id", UUID.class),
                rs.getObject("policy_id", UUID.class),
                instant(rs.getObject("start_at", OffsetDateTime.class)),
                instant(rs.getObject("end_at", OffsetDateTime.class)),
                rs.getLong("requested_minutes"),
                rs.getString("reason"),
                RequestStatus.valueOf(rs.getString("status")),
                instant(rs.getObject("submitted_at", OffsetDateTime.class)),
                instant(rs.getObject("decided_at", OffsetDateTime.class)),
                rs.getObject("decided_by", UUID.class),
                rs.getString("decision_note"),
                rs.getString("idempotency_key"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getObject("entered_by", UUID.class),
                rs.getObject("decided_on_behalf_of", UUID.class),
                texts(rs.getArray("rules_overridden")),
                rs.getString("rule_override_reason"));
    }

    private static List<String> texts(Array array) throws java.sql.SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    private static RequestRules requestRules(String json) {
        if (json == null) {
            return null;
        }
        try {
            return RequestRulesParser.parse(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored request_rules are not JSON", e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static Set<DayOfWeek> workDays(Array array) throws java.sql.SQLException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object day : (Object[]) array.getArray()) {
            days.add(DAYS.get((String) day));
        }
        return days;
    }
}
