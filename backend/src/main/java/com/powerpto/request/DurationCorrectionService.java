package com.powerpto.request;

import com.powerpto.audit.AuditAction;
import com.powerpto.audit.AuditEntityType;
import com.powerpto.audit.AuditService;
import com.powerpto.events.BalanceInputChanged;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.ledger.BalanceRule;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.LedgerPosting;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.SourceType;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Requests whose duration changed under them (a holiday added, edited, removed or imported; an
 * employee moved to another location): listed to admins, and corrected by one audited action.
 * A correction sets the request's minutes to what the calculator gives now and posts the
 * difference under its own key ({@code duration:<request>:<revision>}): USAGE or USAGE_REVERSAL
 * for an approved request, HOLD or HOLD_RELEASE for a submitted one. A request with no working
 * time left is cancelled (its whole amount given back). Corrections never check the balance
 * floor: the time was granted, only the calendar under it changed. The request's day split follows
 * its new minutes, and the balance's timeline is corrected from the request's first day (issue 24:
 * usage changes the caps, carryovers and expiries after it).
 */
@Service
public class DurationCorrectionService {

    private static final int MAX_IDS = 1000;

    private final DurationReviewRepository reviews;
    private final RequestRepository requests;
    private final RequestDurations durations;
    private final LedgerService ledger;
    private final AuditService audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public DurationCorrectionService(DurationReviewRepository reviews, RequestRepository requests, RequestDurations durations,
                                     LedgerService ledger, AuditService audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.reviews = reviews;
        this.requests = requests;
        this.durations = durations;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The touched requests whose duration now differs, by start. */
    @Transactional(readOnly = true)
    public Page<DurationChange> list(Caller caller, UUID companyId, PageRequest page) {
        caller.adminOf(companyId);
        Map<UUID, Optional<EmployeeSchedule>> schedules = new HashMap<>();
        List<DurationChange> changes = new ArrayList<>();
        for (DurationReviewRepository.Touched touched : reviews.touched(companyId)) {
            TimeOffRequest request = requests.find(companyId, touched.requestId()).orElse(null);
            EmployeeSchedule employee = request == null ? null : schedules.computeIfAbsent(request.employeeId(),
                    id -> requests.schedule(companyId, id)).orElse(null);
            if (employee == null) {
                continue;
            }
            RequestDurations.Duration now = durations.of(companyId, employee, request.startAt(), request.endAt());
            if (now.minutes() != request.requestedMinutes()) {
                changes.add(new DurationChange(request.id(), request.employeeId(), touched.employeeName(), request.policyId(),
                        request.status(), request.startAt(), request.endAt(), request.requestedMinutes(), now.minutes(),
                        now.minutes() - request.requestedMinutes(), holidayNames(now), touched.cause(), touched.touchedAt()));
            }
        }
        int from = (int) Math.min(changes.size(), page.offset());
        int to = (int) Math.min(changes.size(), (long) from + page.limit());
        return new Page<>(changes.subList(from, to), changes.size());
    }

    /**
     * Corrects the listed requests (all, or those named) in one transaction and takes them off
     * the list. Running it again corrects nothing: each request is recomputed under its row lock.
     */
    @Transactional
    public DurationCorrection apply(Caller caller, UUID companyId, DurationCorrectionBody body) {
        caller.adminOf(companyId);
        List<UUID> only = body == null ? null : body.requestIds();
        if (only != null && (only.size() > MAX_IDS || only.stream().anyMatch(Objects::isNull))) {
            throw ApiException.invalid("request_ids", "must be 1 to " + MAX_IDS + " request ids");
        }
        int unchanged = 0;
        List<DurationCorrection.Item> items = new ArrayList<>();
        for (UUID requestId : reviews.ids(companyId, only)) {
            Optional<DurationCorrection.Item> item = correct(caller, companyId, requestId);
            reviews.remove(companyId, requestId);
            if (item.isPresent()) {
                items.add(item.get());
            } else {
                unchanged++;
            }
        }
        return new DurationCorrection(items.size(), unchanged, items);
    }

    private Optional<DurationCorrection.Item> correct(Caller caller, UUID companyId, UUID requestId) {
        TimeOffRequest before = requests.lock(companyId, requestId).map(RequestRepository.Locked::request).orElse(null);
        if (before == null || (before.status() != RequestStatus.APPROVED && before.status() != RequestStatus.SUBMITTED)) {
            return Optional.empty();
        }
        EmployeeSchedule employee = requests.schedule(companyId, before.employeeId()).orElse(null);
        if (employee == null) {
            return Optional.empty();
        }
        RequestDurations.Duration recount = durations.of(companyId, employee, before.startAt(), before.endAt());
        long minutes = recount.minutes();
        long difference = minutes - before.requestedMinutes();
        if (difference == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        RequestStatus status = minutes == 0 ? RequestStatus.CANCELLED : before.status();
        int revision = requests.correctDuration(companyId, requestId, minutes == 0 ? before.requestedMinutes() : minutes, status,
                minutes == 0 ? null : recount.days());
        if (minutes > 0) {
            requests.replaceDays(companyId, requestId, recount.days()); // the timeline counts the new days
        }
        EntryType type = entryType(before.status(), difference);
        // USAGE belongs to the request's dates (decision 0006); the other three take effect now.
        Instant effective = type == EntryType.USAGE ? before.startAt() : now;
        UUID version = requests.policyVersionOn(companyId, before.policyId(), RequestTimes.firstDay(before.startAt(), employee.zone()));
        ledger.post(new BalanceKey(companyId, before.employeeId(), before.policyId()), BalanceRule.UNLIMITED, List.of(
                new LedgerPosting(type, -difference, version, effective, SourceType.REQUEST,
                        "duration:" + requestId + ":" + revision, Map.of("minutes_before", before.requestedMinutes(),
                        "minutes_after", minutes, "revision", revision))));
        events.publishEvent(BalanceInputChanged.employee(companyId, before.employeeId(), before.policyId(),
                changedFrom(before, employee), "request " + requestId + " duration corrected", caller.userId()));
        TimeOffRequest after = requests.find(companyId, requestId).orElseThrow();
        audit.record(companyId, caller.userId(), AuditEntityType.REQUEST, requestId,
                status == RequestStatus.CANCELLED ? AuditAction.CANCEL : AuditAction.UPDATE, before,
                Map.of("request", after, "duration_correction", Map.of("minutes_before", before.requestedMinutes(),
                        "minutes_after", minutes, "entry_type", type.name())));
        return Optional.of(new DurationCorrection.Item(requestId, before.requestedMinutes(), minutes, type.name(),
                -difference, status));
    }

    /**
     * The first day whose figures the correction changes: the request's first local day, or earlier,
     * the day after it was booked (leave booked before a reset or an expiry is its floor there).
     */
    private static LocalDate changedFrom(TimeOffRequest request, EmployeeSchedule employee) {
        LocalDate firstDay = RequestTimes.firstDay(request.startAt(), employee.zone());
        if (request.submittedAt() == null) {
            return firstDay;
        }
        LocalDate bookedAfter = request.submittedAt().atZone(employee.zone()).toLocalDate().plusDays(1);
        return bookedAfter.isBefore(firstDay) ? bookedAfter : firstDay;
    }

    /** More minutes take more (USAGE, HOLD); fewer give back (USAGE_REVERSAL, HOLD_RELEASE). */
    private static EntryType entryType(RequestStatus status, long difference) {
        if (status == RequestStatus.APPROVED) {
            return difference > 0 ? EntryType.USAGE : EntryType.USAGE_REVERSAL;
        }
        return difference > 0 ? EntryType.HOLD : EntryType.HOLD_RELEASE;
    }

    private static List<String> holidayNames(RequestDurations.Duration duration) {
        return duration.days().stream().map(DurationCalculator.Day::holiday).filter(Objects::nonNull).distinct().toList();
    }
}
