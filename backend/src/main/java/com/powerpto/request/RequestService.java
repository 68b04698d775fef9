package com.powerpto.request;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.employee.EmployeeService;
import com.powerpto.ledger.Balance;
import com.powerpto.ledger.BalanceProjection;
import com.powerpto.events.BalanceInputChanged;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerPosting;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.SourceType;
import com.powerpto.notification.Notifications;
import com.powerpto.notification.RequestFacts;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The request state machine. Each transition is one transaction: request row, ledger, snapshot, audit. */
@Service
public class RequestService {

    static final int MAX_TEXT = 1000;

    private final RequestRepository repository;
    private final LedgerService ledger;
    private final AuditService audit;
    private final EmployeeService employees;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Notifications notifications;
    private final BalanceProjection projection;
    private final ApplicationEventPublisher events;
    private final RequestDurations durations;

    public RequestService(RequestRepository repository, LedgerService ledger, AuditService audit, EmployeeService employees,
                          PlatformTransactionManager transactions, Clock clock, Notifications notifications,
                          BalanceProjection projection, ApplicationEventPublisher events, RequestDurations durations) {
        this.durations = durations;
        this.notifications = notifications;
        this.projection = projection;
        this.events = events;
        this.repository = repository;
        this.ledger = ledger;
        this.audit = audit;
        this.employees = employees;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A submitted request, and whether this call created it or replayed an earlier one with the same key. */
    public record Submission(TimeOffRequest request, boolean replayed) {
    }

    /** The submit computation without the writes. */
    private record Draft(EmployeeSchedule employee, Instant start, Instant end, long minutes, RequestContext context,
                         WorkSchedule schedule, List<DurationCalculator.Day> days) {
    }

    @Transactional(readOnly = true)
    public RequestPreview preview(Caller caller, UUID companyId, SubmitRequestBody body) {
        Draft draft = draft(caller, companyId, body);
        List<String> warnings = new ArrayList<>();
        repository.overlapping(companyId, draft.employee().id(), draft.start(), draft.end()).ifPresent(other ->
                warnings.add("overlaps your " + other.status().name().toLowerCase() + " request " + other.id()));
        Long availableAfter = null;
        if (!draft.context().rule().unlimited()) {
            Balance balance = ledger.balance(new BalanceKey(companyId, draft.employee().id(), body.policyId()));
            availableAfter = balance.available() - draft.minutes();
            Long floor = draft.context().rule().floor();
            if (floor != null && availableAfter < floor) {
                warnings.add("insufficient balance: " + balance.available() + " minutes available");
            }
        }
        List<RequestRuleChecker.Violation> violations = new ArrayList<>(rules(draft));
        violations.addAll(staffing(companyId, draft));
        violations.forEach(v -> warnings.add(v.sentence()));
        // what the balance will hold on the first day: its timeline's grants and forfeitures until then
        RequestPreview.ForecastOnStart onStart = draft.context().rule().unlimited() ? null : projection.projectionOn(companyId,
                draft.employee().id(), body.policyId(), RequestTimes.firstDay(draft.start(), draft.employee().zone()))
                .map(RequestService::forecastOnStart).orElse(null);
        return new RequestPreview(draft.minutes(), availableAfter, warnings,
                onStart == null ? null : onStart.projectedAvailableMinutes(), draft.days(), violations.stream()
                .map(v -> new RequestPreview.RuleWarning(v.code(), v.sentence(), v.context())).toList(), onStart);
    }

    private static RequestPreview.ForecastOnStart forecastOnStart(BalanceProjection.OnDate p) {
        return new RequestPreview.ForecastOnStart(p.date(), p.availableMinutes(), p.scheduledAccrualMinutes(),
                p.cappedAccrualMinutes(), p.bookedMinutes(), p.expiringMinutes(), p.projectedAvailableMinutes(),
                p.forfeits().stream().map(f -> new RequestPreview.Forfeit(f.date(), f.kind(), f.minutes())).toList());
    }

    public Submission submit(Caller caller, UUID companyId, SubmitRequestBody body) {
        String hash = payloadHash(body);
        try {
            return transaction.execute(status -> submitInTransaction(caller, companyId, body, hash));
        } catch (DataIntegrityViolationException e) {
            // A concurrent submit won the race: replay it if it carried our key (else the constraint's 409).
            if (body.idempotencyKey() != null) {
                return transaction.execute(status -> replay(companyId, body, hash));
            }
            throw e;
        }
    }

    private Submission submitInTransaction(Caller caller, UUID companyId, SubmitRequestBody body, String hash) {
        if (body.idempotencyKey() != null) {
            checkSubmitter(caller, companyId, body.employeeId());
            var earlier = repository.findByIdempotencyKey(companyId, body.employeeId(), body.idempotencyKey());
            if (earlier.isPresent()) {
                return replay(companyId, body, hash);
            }
        }
        Draft draft = draft(caller, companyId, body);
        var overlap = repository.overlapping(companyId, draft.employee().id(), draft.start(), draft.end());
        if (overlap.isPresent()) {
            TimeOffRequest other = overlap.get();
            if (body.idempotencyKey() != null && body.idempotencyKey().equals(other.idempotencyKey())) {
                return replay(companyId, body, hash); // a concurrent retry committed first
            }
            throw ApiException.conflict("request_overlap", "the request overlaps " + other.status().name().toLowerCase()
                            + " request " + other.id() + " (" + other.startAt() + " to " + other.endAt() + ")")
                    .withDetail("Another " + other.status().name().toLowerCase() + " request of this employee covers part of"
                            + " the same time; cancel it or choose other dates.")
                    .withContext(Map.of("request_id", other.id(), "status", other.status(),
                            "start_at", other.startAt(), "end_at", other.endAt()));
        }
        List<String> overridden = enforceRules(caller, companyId, body, draft);
        Instant now = clock.instant();
        TimeOffRequest request = new TimeOffRequest(UUID.randomUUID(), companyId, draft.employee().id(), body.policyId(),
                draft.start(), draft.end(), draft.minutes(), blankToNull(body.reason()), RequestStatus.SUBMITTED, now,
                null, null, null, body.idempotencyKey(), now, caller.userId(), null,
                overridden.isEmpty() ? null : overridden, overridden.isEmpty() ? null : body.ruleOverrideReason().trim());
        repository.insert(request, hash, draft.days()); // with its day split: usage belongs to its local days
        // Entered on someone's behalf: the ledger says by whom (the audit row's actor says it too).
        Map<String, Object> enteredBy = caller.isSelf(request.employeeId()) ? null : Map.of("entered_by", caller.userId());
        ledger.post(balanceKey(request), draft.context().rule(), List.of(new LedgerPosting(EntryType.HOLD,
                -request.requestedMinutes(), draft.context().policyVersionId(), now, SourceType.REQUEST,
                request.id().toString(), enteredBy)));
        audit.record(companyId, caller.userId(), AuditEntityType.REQUEST, request.id(), AuditAction.SUBMIT, null, request);
        booked(request, draft.employee().zone(), "submitted");
        if (Boolean.TRUE.equals(body.approve())) {
            // Entered by the manager or an admin after a phone call: their submit is also their decision,
            // so nobody is asked to decide it (issue 26); the employee hears of the approval.
            request = approveLocked(caller, request, draft.employee().zone(), null, null);
        } else {
            notifications.requestSubmitted(facts(request));
        }
        return new Submission(request, false);
    }

    private Submission replay(UUID companyId, SubmitRequestBody body, String hash) {
        TimeOffRequest earlier = repository.findByIdempotencyKey(companyId, body.employeeId(), body.idempotencyKey())
                .orElseThrow(() -> ApiException.conflict("request_conflict", "the request conflicts with another request; retry"));
        if (!hash.equals(repository.payloadHash(companyId, earlier.id()).orElse(""))) {
            throw ApiException.conflict("idempotency_key_reused", "idempotency_key was already used with a different request")
                    .withDetail("Use a new idempotency_key for a different request, or resend the original request unchanged.")
                    .withContext(Map.of("request_id", earlier.id()));
        }
        return new Submission(earlier, true);
    }

    private Draft draft(Caller caller, UUID companyId, SubmitRequestBody body) {
        validate(body);
        checkSubmitter(caller, companyId, body.employeeId());
        checkDirectives(caller, body);
        RequestRepository.Subject subject = repository.subject(companyId, body.employeeId(), body.policyId())
                .filter(s -> s.employee().active())
                .orElseThrow(() -> ApiException.notFound("employee"));
        if (!subject.policyExists()) {
            throw ApiException.notFound("policy");
        }
        EmployeeSchedule employee = subject.employee();
        Instant start = RequestTimes.parse("start_at", body.startAt(), employee.zone());
        Instant end = RequestTimes.parse("end_at", body.endAt(), employee.zone());
        RequestTimes.checkRange(start, end);
        var firstDay = RequestTimes.firstDay(start, employee.zone());
        var lastDay = RequestTimes.lastDay(end, employee.zone());
        RequestContext context = repository.context(companyId, employee.id(), body.policyId(), firstDay, lastDay)
                .orElseThrow(() -> ApiException.businessRule("no_policy_version", "the policy has no version in force on " + firstDay));
        if (!context.assignmentCovers()) {
            throw ApiException.businessRule("no_active_assignment", "no active assignment to this policy covers " + firstDay + " to " + lastDay);
        }
        RequestDurations.Duration duration = durations.of(companyId, employee, start, end);
        if (duration.minutes() == 0) {
            throw ApiException.businessRule("no_working_time", "the request covers no working time (weekends, holidays or outside working hours)");
        }
        return new Draft(employee, start, end, duration.minutes(), context, duration.schedule(), duration.days());
    }

    @Transactional
    public TimeOffRequest approve(Caller caller, UUID companyId, UUID requestId, DecisionBody body) {
        RequestRepository.Locked locked = lockForDecision(caller, companyId, requestId, body);
        TimeOffRequest request = locked.request();
        requireStatus(request, RequestStatus.SUBMITTED, "approve");
        return approveLocked(caller, request, locked.zone(), note(body), onBehalfOf(caller, request));
    }

    private TimeOffRequest approveLocked(Caller caller, TimeOffRequest request, ZoneId zone, String note, UUID onBehalfOf) {
        Instant now = clock.instant();
        UUID version = versionOnLocalStart(request, zone);
        ledger.post(balanceKey(request), com.powerpto.ledger.BalanceRule.UNLIMITED, List.of(
                posting(EntryType.HOLD_RELEASE, request.requestedMinutes(), version, now, request),
                posting(EntryType.USAGE, -request.requestedMinutes(), version, request.startAt(), request)));
        TimeOffRequest approved = decide(caller, request, RequestStatus.APPROVED, AuditAction.APPROVE, now, note, onBehalfOf);
        booked(approved, zone, "approved");
        notifications.requestApproved(facts(approved));
        return approved;
    }

    @Transactional
    public TimeOffRequest deny(Caller caller, UUID companyId, UUID requestId, DecisionBody body) {
        RequestRepository.Locked locked = lockForDecision(caller, companyId, requestId, body);
        TimeOffRequest request = locked.request();
        requireStatus(request, RequestStatus.SUBMITTED, "deny");
        Instant now = clock.instant();
        releaseHold(request, locked.zone(), now);
        TimeOffRequest denied = decide(caller, request, RequestStatus.DENIED, AuditAction.DENY, now, note(body),
                onBehalfOf(caller, request));
        released(denied, locked.zone(), "denied");
        notifications.requestDenied(facts(denied));
        return denied;
    }

    @Transactional
    public TimeOffRequest cancel(Caller caller, UUID companyId, UUID requestId) {
        caller.inCompany(companyId);
        RequestRepository.Locked locked = repository.lock(companyId, requestId)
                .orElseThrow(() -> ApiException.notFound("request"));
        TimeOffRequest request = locked.request();
        ZoneId zone = locked.zone();
        if (!caller.isAdmin() && !caller.isSelf(request.employeeId())) {
            throw ApiException.forbidden("only the requester or an admin can cancel a request");
        }
        Instant now = clock.instant();
        switch (request.status()) {
            case DRAFT -> { }
            case SUBMITTED -> {
                releaseHold(request, zone, now);
                notifications.submittedRequestCancelled(facts(request));
            }
            case APPROVED -> {
                if (!now.isBefore(request.startAt())) {
                    throw ApiException.conflict("already_started", "the request is APPROVED and has already started; ask an admin for an adjustment");
                }
                UUID version = versionOnLocalStart(request, zone);
                ledger.post(balanceKey(request), com.powerpto.ledger.BalanceRule.UNLIMITED, List.of(
                        posting(EntryType.USAGE_REVERSAL, request.requestedMinutes(), version, now, request)));
                notifications.approvedRequestCancelled(facts(request), caller.userId());
            }
            default -> throw ApiException.conflict("wrong_state", "cannot cancel: the request is " + request.status())
                    .withContext(Map.of("status", request.status()));
        }
        TimeOffRequest cancelled = decide(caller, request, RequestStatus.CANCELLED, AuditAction.CANCEL, now,
                request.decisionNote(), null);
        released(cancelled, zone, "cancelled");
        return cancelled;
    }

    /** The requests a termination cancelled (submitted or approved after the last day) and trimmed (approved across it). */
    public record TerminationEffects(List<TimeOffRequest> cancelled, List<TimeOffRequest> trimmed) {
    }

    /**
     * Termination (issue 15): cancels every request of the employee starting at or after
     * {@code from} (the end of their last day) inside the caller's transaction. A submitted one
     * releases its hold (HOLD_RELEASE); an approved one is reversed (USAGE_REVERSAL) even when its
     * dates have passed, because a past termination date means the time was never taken as an
     * employee. Each is audited as a CANCEL by the admin. Answers the requests as they were before
     * (their status tells a released hold from a reversal).
     */
    @Transactional
    public TerminationEffects cancelForTermination(Caller admin, UUID companyId, UUID employeeId, LocalDate lastDay,
                                                   Instant from) {
        admin.adminOf(companyId);
        Instant now = clock.instant();
        List<TimeOffRequest> cancelled = new ArrayList<>();
        for (TimeOffRequest request : repository.lockOpenStartingFrom(companyId, employeeId, from)) {
            if (request.status() == RequestStatus.SUBMITTED) {
                releaseHold(request, zoneOf(request), now);
            } else if (request.status() == RequestStatus.APPROVED) {
                UUID version = repository.policyVersionOn(companyId, request.policyId(),
                        request.startAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
                ledger.post(balanceKey(request), com.powerpto.ledger.BalanceRule.UNLIMITED, List.of(
                        posting(EntryType.USAGE_REVERSAL, request.requestedMinutes(), version, now, request)));
            }
            decide(admin, request, RequestStatus.CANCELLED, AuditAction.CANCEL, now, request.decisionNote(), null);
            released(request, zoneOf(request), "cancelled by the termination");
            cancelled.add(request);
        }
        List<TimeOffRequest> trimmed = new ArrayList<>();
        for (TimeOffRequest request : repository.lockApprovedSpanning(companyId, employeeId, from)) {
            if (giveBackAfter(admin, request, lastDay, now)) {
                trimmed.add(request);
            }
        }
        return new TerminationEffects(cancelled, trimmed);
    }

    /**
     * An approved request across the last day keeps only the minutes of the days up to it (issue 24);
     * the rest is given back (one USAGE_REVERSAL), audited as an update of the request. The request
     * stays APPROVED with its dates: it is what was asked for and decided.
     */
    private boolean giveBackAfter(Caller admin, TimeOffRequest request, LocalDate lastDay, Instant now) {
        long after = repository.days(request.companyId(), request.id()).tailMap(lastDay.plusDays(1)).values().stream()
                .mapToLong(Long::longValue).sum();
        if (after <= 0) {
            return false;
        }
        ZoneId zone = zoneOf(request);
        UUID version = versionOnLocalStart(request, zone);
        Map<String, Object> metadata = Map.of("reason", "employment ended", "last_day", lastDay.toString(),
                "given_back_minutes", after);
        var result = ledger.post(balanceKey(request), com.powerpto.ledger.BalanceRule.UNLIMITED, List.of(new LedgerPosting(
                EntryType.USAGE_REVERSAL, after, version, now, SourceType.REQUEST, request.id().toString(), metadata)));
        if (result.replayed()) {
            return false;
        }
        audit.record(request.companyId(), admin.userId(), AuditEntityType.REQUEST, request.id(), AuditAction.UPDATE, request,
                Map.of("request", request, "given_back_minutes", after, "last_day", lastDay.toString()));
        released(request, zone, "days after the last day given back");
        return true;
    }

    /** For the final statement: the employee's pending (submitted) requests, oldest first. */
    @Transactional(readOnly = true)
    public List<TimeOffRequest> pending(UUID companyId, UUID employeeId) {
        return repository.pending(companyId, employeeId);
    }

    @Transactional(readOnly = true)
    public TimeOffRequest get(Caller caller, UUID companyId, UUID requestId) {
        caller.inCompany(companyId);
        TimeOffRequest request = repository.find(companyId, requestId).orElseThrow(() -> ApiException.notFound("request"));
        if (!caller.isAdmin() && !caller.isSelf(request.employeeId())
                && !(caller.isManager() && employees.isManagerOf(companyId, caller.userId(), request.employeeId()))
                && !(caller.isManager() && delegatedManager(caller, request).isPresent())) {
            throw ApiException.forbidden("you cannot see this request");
        }
        return request;
    }

    /**
     * A request day by day (issue 26): the breakdown counted at submit (and rewritten by a duration
     * correction), or — for a request without one, or whose stored days no longer add up to its
     * minutes — recounted now from the employee's schedule and holidays ({@code recomputed}).
     * Who may read it: whoever may read the request.
     */
    @Transactional(readOnly = true)
    public RequestDays days(Caller caller, UUID companyId, UUID requestId) {
        TimeOffRequest request = get(caller, companyId, requestId);
        var stored = repository.storedDays(companyId, requestId)
                .filter(days -> days.stream().mapToLong(DurationCalculator.Day::minutes).sum() == request.requestedMinutes());
        if (stored.isPresent()) {
            return new RequestDays(request.id(), request.requestedMinutes(), stored.get(), false);
        }
        EmployeeSchedule employee = repository.schedule(companyId, request.employeeId())
                .orElseThrow(() -> ApiException.notFound("employee"));
        return new RequestDays(request.id(), request.requestedMinutes(),
                durations.of(companyId, employee, request.startAt(), request.endAt()).days(), true);
    }

    @Transactional(readOnly = true)
    public Page<TimeOffRequest> list(Caller caller, UUID companyId, RequestFilter filter, PageRequest page) {
        caller.inCompany(companyId);
        if (filter.startDate() != null && filter.endDate() != null && filter.endDate().isBefore(filter.startDate())) {
            throw ApiException.invalid("end_date", "must not be before start_date");
        }
        return repository.list(caller, filter, page, LocalDate.now(clock));
    }

    private RequestRepository.Locked lockForDecision(Caller caller, UUID companyId, UUID requestId, DecisionBody body) {
        caller.inCompany(companyId);
        if (body != null && body.note() != null && body.note().length() > MAX_TEXT) {
            throw ApiException.invalid("note", "must be at most " + MAX_TEXT + " characters");
        }
        RequestRepository.Locked locked = repository.lock(companyId, requestId)
                .orElseThrow(() -> ApiException.notFound("request"));
        TimeOffRequest request = locked.request();
        if (caller.isSelf(request.employeeId())) {
            throw ApiException.forbidden("nobody can decide their own request");
        }
        boolean allowed = caller.isAdmin()
                || caller.isManager() && employees.isManagerOf(companyId, caller.userId(), request.employeeId())
                || caller.isManager() && delegatedManager(caller, request).isPresent();
        if (!allowed) {
            throw ApiException.forbidden("only an admin or the employee's manager can decide this request");
        }
        return locked;
    }

    /**
     * The version in force on the request's first day in the employee's time zone, as submit tags it.
     * The zone comes with the request's lock (or the draft): looking it up here, and again for the
     * timeline's event, was two statements of every decision (issue 27).
     */
    private UUID versionOnLocalStart(TimeOffRequest request, ZoneId zone) {
        return repository.policyVersionOn(request.companyId(), request.policyId(), RequestTimes.firstDay(request.startAt(), zone));
    }

    /** Time booked against the balance: its days from the first one on change the balance's timeline. */
    private void booked(TimeOffRequest request, ZoneId zone, String what) {
        events.publishEvent(BalanceInputChanged.employee(request.companyId(), request.employeeId(), request.policyId(),
                RequestTimes.firstDay(request.startAt(), zone), "request " + request.id() + " " + what, request.decidedBy()));
    }

    /**
     * Time given back: its days change the timeline, and so do forfeitures after the day it was booked
     * on (leave booked before a reset or an expiry keeps the balance above its floor there).
     */
    private void released(TimeOffRequest request, ZoneId zone, String what) {
        LocalDate firstDay = RequestTimes.firstDay(request.startAt(), zone);
        LocalDate bookedAfter = request.submittedAt() == null ? firstDay
                : request.submittedAt().atZone(zone).toLocalDate().plusDays(1);
        events.publishEvent(BalanceInputChanged.employee(request.companyId(), request.employeeId(), request.policyId(),
                firstDay.isBefore(bookedAfter) ? firstDay : bookedAfter, "request " + request.id() + " " + what,
                request.decidedBy()));
    }

    private ZoneId zoneOf(TimeOffRequest request) {
        return repository.schedule(request.companyId(), request.employeeId()).map(EmployeeSchedule::zone)
                .orElse(java.time.ZoneOffset.UTC);
    }

    private void releaseHold(TimeOffRequest request, ZoneId zone, Instant now) {
        UUID version = versionOnLocalStart(request, zone);
        ledger.post(balanceKey(request), com.powerpto.ledger.BalanceRule.UNLIMITED, List.of(
                posting(EntryType.HOLD_RELEASE, request.requestedMinutes(), version, now, request)));
    }

    private TimeOffRequest decide(Caller caller, TimeOffRequest before, RequestStatus status, AuditAction action,
                                  Instant now, String note, UUID onBehalfOf) {
        TimeOffRequest after = before.withDecision(status, now, caller.userId(), note, onBehalfOf);
        repository.updateDecision(after);
        audit.record(before.companyId(), caller.userId(), AuditEntityType.REQUEST, before.id(), action, before, after);
        return after;
    }

    private static void requireStatus(TimeOffRequest request, RequestStatus expected, String verb) {
        if (request.status() != expected) {
            throw ApiException.conflict("wrong_state", "cannot " + verb + ": the request is " + request.status())
                    .withDetail("Only a " + expected + " request can be " + (verb.equals("deny") ? "denied" : verb + "d") + ".")
                    .withContext(Map.of("status", request.status(), "expected_status", expected));
        }
    }

    /** Employees submit for themselves; a manager also for a direct report, an admin for anyone (on behalf). */
    private void checkSubmitter(Caller caller, UUID companyId, UUID employeeId) {
        caller.inCompany(companyId);
        boolean allowed = caller.isAdmin() || caller.isSelf(employeeId)
                || caller.isManager() && employees.isManagerOf(companyId, caller.userId(), employeeId);
        if (!allowed) {
            throw ApiException.forbidden(caller.isManager() ? "a manager can enter time off only for their direct reports"
                    : "you can only request time off for yourself");
        }
    }

    private static void checkDirectives(Caller caller, SubmitRequestBody body) {
        if (Boolean.TRUE.equals(body.approve()) && caller.isSelf(body.employeeId())) {
            throw ApiException.forbidden("nobody can approve their own request")
                    .withDetail("\"approve\": true is for a manager or an admin entering time off for someone else.");
        }
        if (body.ruleOverrideReason() != null) {
            if (!caller.isAdmin()) {
                throw ApiException.forbidden("only an admin can submit past a request rule");
            }
            if (body.ruleOverrideReason().isBlank() || body.ruleOverrideReason().length() > MAX_TEXT) {
                throw ApiException.invalid("rule_override_reason", "must be 1 to " + MAX_TEXT + " characters");
            }
        }
    }

    /**
     * Refuses the request for the first broken rule, unless an admin gave a reason to override them
     * (then the overridden codes are returned, stored on the request and so in its audit row).
     * The staffing count runs under the group's lock (team or department), so concurrent submits cannot both pass it.
     */
    private List<String> enforceRules(Caller caller, UUID companyId, SubmitRequestBody body, Draft draft) {
        List<RequestRuleChecker.Violation> violations = new ArrayList<>(rules(draft));
        String group = staffingGroup(draft);
        if (group != null) {
            repository.lockStaffingGroup(companyId, draft.context().requestRules().maxConcurrentAbsences().scope(), group);
            violations.addAll(staffing(companyId, draft));
        }
        if (violations.isEmpty()) {
            return List.of();
        }
        if (caller.isAdmin() && body.ruleOverrideReason() != null) {
            return violations.stream().map(RequestRuleChecker.Violation::code).toList();
        }
        RequestRuleChecker.Violation first = violations.get(0);
        throw ApiException.businessRule(first.code(), first.message())
                .withDetail(first.sentence())
                .withContext(first.context());
    }

    private List<RequestRuleChecker.Violation> rules(Draft draft) {
        LocalDate today = clock.instant().atZone(draft.employee().zone()).toLocalDate();
        return RequestRuleChecker.check(draft.context().requestRules(), draft.days(), today);
    }

    /**
     * The requester's staffing group under the rule's scope, or null when the rule does not apply:
     * no rule, or nobody to staff with (TEAM without a manager, DEPARTMENT without a department).
     */
    private static String staffingGroup(Draft draft) {
        var rules = draft.context().requestRules();
        if (rules == null || rules.maxConcurrentAbsences() == null) {
            return null;
        }
        return switch (rules.maxConcurrentAbsences().scope()) {
            case TEAM -> draft.employee().managerId() == null ? null : draft.employee().managerId().toString();
            case DEPARTMENT -> draft.employee().department();
        };
    }

    private List<RequestRuleChecker.Violation> staffing(UUID companyId, Draft draft) {
        String group = staffingGroup(draft);
        if (group == null) {
            return List.of();
        }
        var others = repository.groupAbsences(companyId, draft.context().requestRules().maxConcurrentAbsences().scope(),
                group, draft.employee().id(), draft.start(), draft.end());
        return RequestRuleChecker.staffing(draft.context().requestRules(), draft.days(), draft.schedule(),
                draft.start(), draft.end(), others);
    }

    /** The employee's manager, when the caller decides as their delegate (not as manager or admin). */
    private UUID onBehalfOf(Caller caller, TimeOffRequest request) {
        if (caller.isAdmin() || employees.isManagerOf(request.companyId(), caller.userId(), request.employeeId())) {
            return null;
        }
        return delegatedManager(caller, request).orElse(null);
    }

    private java.util.Optional<UUID> delegatedManager(Caller caller, TimeOffRequest request) {
        UUID manager = repository.schedule(request.companyId(), request.employeeId())
                .map(EmployeeSchedule::managerId).orElse(null);
        if (manager == null) {
            return java.util.Optional.empty();
        }
        return repository.delegatingManager(request.companyId(), caller.userId(), manager,
                clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    }

    private static void validate(SubmitRequestBody body) {
        ApiException.required(body, "body");
        ApiException.required(body.employeeId(), "employee_id");
        ApiException.required(body.policyId(), "policy_id");
        if (body.reason() != null && body.reason().length() > MAX_TEXT) {
            throw ApiException.invalid("reason", "must be at most " + MAX_TEXT + " characters");
        }
        if (body.idempotencyKey() != null && (body.idempotencyKey().isBlank() || body.idempotencyKey().length() > 200)) {
            throw ApiException.invalid("idempotency_key", "must be 1 to 200 characters");
        }
    }

    private static String note(DecisionBody body) {
        return body == null ? null : blankToNull(body.note());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static RequestFacts facts(TimeOffRequest r) {
        return new RequestFacts(r.companyId(), r.id(), r.employeeId(), r.policyId(), r.startAt(), r.endAt(),
                r.requestedMinutes(), r.decidedBy(), r.decisionNote(),
                r.employeeId().equals(r.enteredBy()) ? null : r.enteredBy());
    }

    private static BalanceKey balanceKey(TimeOffRequest request) {
        return new BalanceKey(request.companyId(), request.employeeId(), request.policyId());
    }

    private static LedgerPosting posting(EntryType type, long amount, UUID version, Instant at, TimeOffRequest request) {
        return new LedgerPosting(type, amount, version, at, SourceType.REQUEST, request.id().toString(), null);
    }

    /** Identifies the payload behind an idempotency key: same key + other payload is a conflict. */
    private static String payloadHash(SubmitRequestBody body) {
        String canonical = String.join("\u0000", String.valueOf(body.employeeId()), String.valueOf(body.policyId()),
                String.valueOf(body.startAt()), String.valueOf(body.endAt()), String.valueOf(body.reason()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
