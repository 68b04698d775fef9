package com.powerpto.accrual;

import com.powerpto.accrual.timeline.BalanceInputs;
import com.powerpto.accrual.timeline.Timeline;
import com.powerpto.accrual.timeline.TimelineEvent;
import com.powerpto.ledger.BalanceProjection;
import com.powerpto.ledger.BalanceService;
import com.powerpto.ledger.BalanceView;
import com.powerpto.ledger.LedgerService;
import com.powerpto.ledger.BalanceKey;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The balance on a future date (docs/corrections.md, "Forecast"): today's available plus the events
 * of the balance's timeline ({@link Timeline}) still to be posted up to that date — the same events
 * the jobs will post, so a forecast for D is what the ledger will hold on D if nothing else changes.
 * Submitted and approved requests are already held or used in "available now", so they are reported
 * ({@code booked_minutes}, those starting up to the date) but not subtracted twice.
 */
@Service
public class BalanceForecastService implements BalanceProjection {

    /** How far ahead a forecast may look. */
    static final int MAX_YEARS_AHEAD = 5;

    private final BalanceService balances;
    private final LedgerService ledger;
    private final TimelineRepository timelines;
    private final ForecastRepository repository;
    private final AccrualRecalculation recalculation;
    private final Clock clock;

    public BalanceForecastService(BalanceService balances, LedgerService ledger, TimelineRepository timelines,
                                  ForecastRepository repository, AccrualRecalculation recalculation, Clock clock) {
        this.balances = balances;
        this.ledger = ledger;
        this.timelines = timelines;
        this.repository = repository;
        this.recalculation = recalculation;
        this.clock = clock;
    }

    /**
     * One line of the forecast; amounts are null for unlimited policies; {@code policyName} null when
     * unset. {@code events} (issue 24, additive): what the projection adds and takes away, date by date;
     * {@code forfeits} and {@code cappedAccrualMinutes} (issue 26): each forfeit on its date (carryover
     * cap, expiration, carried minutes expiring) and the accruals the bank cap withholds.
     */
    public record Item(UUID policyId, String policyKey, Long availableMinutes, Long scheduledAccrualMinutes,
                       Long bookedMinutes, Long expiringMinutes, Long projectedAvailableMinutes, String policyName,
                       List<Event> events, List<BalanceProjection.Forfeit> forfeits, Long cappedAccrualMinutes) {
    }

    /** A dated event of the projection: {@code kind} grant, payroll, carryover, expiration; signed minutes. */
    public record Event(LocalDate date, String kind, long minutes) {
    }

    public record Forecast(LocalDate date, List<Item> items) {
    }

    @Transactional(readOnly = true)
    public Forecast forecast(Caller caller, UUID companyId, UUID employeeId, String dateText) {
        List<BalanceView> views = balances.balances(caller, companyId, employeeId); // access: admin, manager of, self
        LocalDate date = parse(dateText);
        LocalDate today = LocalDate.now(clock);
        Map<UUID, Long> booked = repository.booked(companyId, employeeId, today, date);
        Map<UUID, List<TimelineEvent>> due = dueEvents(companyId, employeeId, null, date);
        List<Item> items = new ArrayList<>();
        for (BalanceView v : views) {
            if (v.isUnlimited()) {
                items.add(new Item(v.policyId(), v.policyKey(), null, null, null, null, null, v.policyName(),
                        List.of(), List.of(), null));
                continue;
            }
            long available = v.availableMinutes() == null ? 0 : v.availableMinutes();
            BalanceProjection.OnDate p = projection(date, available, booked.getOrDefault(v.policyId(), 0L),
                    due.getOrDefault(v.policyId(), List.of()));
            items.add(new Item(v.policyId(), v.policyKey(), available, p.scheduledAccrualMinutes(), p.bookedMinutes(),
                    p.expiringMinutes(), p.projectedAvailableMinutes(), v.policyName(),
                    events(due.getOrDefault(v.policyId(), List.of())), p.forfeits(), p.cappedAccrualMinutes()));
        }
        return new Forecast(date, items);
    }

    /** {@inheritDoc} Dates before today are projected for today. */
    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Long> availableOn(UUID companyId, UUID employeeId, LocalDate date) {
        LocalDate on = notBeforeToday(date);
        Map<UUID, Long> projected = new HashMap<>();
        dueEvents(companyId, employeeId, null, on).forEach((policy, events) -> {
            long available = ledger.balance(new BalanceKey(companyId, employeeId, policy)).available();
            projected.put(policy, available + events.stream().mapToLong(TimelineEvent::amount).sum());
        });
        return projected;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BalanceProjection.OnDate> projectionOn(UUID companyId, UUID employeeId, UUID policyId, LocalDate date) {
        LocalDate on = notBeforeToday(date);
        List<TimelineEvent> events = dueEvents(companyId, employeeId, policyId, on).get(policyId);
        if (events == null) {
            return Optional.empty();
        }
        long available = ledger.balance(new BalanceKey(companyId, employeeId, policyId)).available();
        long booked = repository.booked(companyId, employeeId, LocalDate.now(clock), on).getOrDefault(policyId, 0L);
        return Optional.of(projection(on, available, booked, events));
    }

    /** The projection's figures from the due events (amounts as the jobs will post them). */
    private static BalanceProjection.OnDate projection(LocalDate date, long available, long booked, List<TimelineEvent> due) {
        long scheduled = due.stream().filter(e -> !e.kind().forfeits()).mapToLong(TimelineEvent::amount).sum();
        long expiring = -due.stream().filter(e -> e.kind().forfeits()).mapToLong(TimelineEvent::amount).sum();
        long capped = due.stream().filter(e -> e.kind() == TimelineEvent.Kind.GRANT).mapToLong(BalanceForecastService::withheld).sum();
        List<BalanceProjection.Forfeit> forfeits = due.stream().filter(e -> e.kind().forfeits() && e.amount() != 0)
                .map(e -> new BalanceProjection.Forfeit(e.date(), forfeitKind(e.kind()), -e.amount())).toList();
        return new BalanceProjection.OnDate(date, available, scheduled, capped, booked, expiring,
                available + scheduled - expiring, forfeits);
    }

    /** What the bank cap kept of a grant ({@code uncapped_minutes} in its cause when the cap was looked at). */
    private static long withheld(TimelineEvent grant) {
        Object uncapped = grant.cause() == null ? null : grant.cause().get("uncapped_minutes");
        return uncapped instanceof Number n ? Math.max(0, n.longValue() - grant.amount()) : 0;
    }

    private static List<Event> events(List<TimelineEvent> due) {
        return due.stream().filter(e -> e.amount() != 0).map(e -> new Event(e.date(), label(e.kind()), e.amount())).toList();
    }

    private static String label(TimelineEvent.Kind kind) {
        return switch (kind) {
            case GRANT -> "grant";
            case PAYROLL -> "payroll";
            case CARRYOVER -> "carryover";
            case EXPIRY_ON_DATE, EXPIRY_AFTER_LAST_GRANT -> "expiration";
            case CARRIED_EXPIRY -> "carried_expiration";
        };
    }

    /** The preview's and forecast's forfeit kinds (issue 26's names). */
    private static String forfeitKind(TimelineEvent.Kind kind) {
        return switch (kind) {
            case CARRYOVER -> "CARRYOVER_CAP";
            case EXPIRY_ON_DATE, EXPIRY_AFTER_LAST_GRANT -> "EXPIRATION";
            case CARRIED_EXPIRY -> "CARRIED_EXPIRY";
            case GRANT, PAYROLL -> throw new IllegalArgumentException(kind + " is not a forfeit");
        };
    }

    private LocalDate notBeforeToday(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        return date.isBefore(today) ? today : date;
    }

    /**
     * The events of each accrual balance's timeline not yet posted and due by {@code date}: after the
     * last date the worker completed (today's included), or after today before the worker ever ran.
     */
    private Map<UUID, List<TimelineEvent>> dueEvents(UUID companyId, UUID employeeId, UUID policyOrNull, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate after = recalculation.horizon().filter(h -> h.isBefore(today)).orElse(today);
        Map<UUID, List<TimelineEvent>> due = new HashMap<>();
        for (Map.Entry<TimelineRepository.Ref, BalanceInputs> e : timelines.load(companyId, List.of(employeeId), policyOrNull).entrySet()) {
            if (e.getValue().versions().stream().allMatch(v -> v.rules() == null || v.rules().unlimited())) {
                continue;
            }
            due.put(e.getKey().policyId(), Timeline.compute(e.getValue(), date).stream()
                    .filter(ev -> ev.date().isAfter(after)).toList());
        }
        return due;
    }

    private LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("date", "is required (YYYY-MM-DD)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "must be a date YYYY-MM-DD");
        }
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(today)) {
            throw ApiException.invalid("date", "must not be in the past (today is " + today + " UTC)");
        }
        if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw ApiException.invalid("date", "must be at most " + MAX_YEARS_AHEAD + " years ahead");
        }
        return date;
    }
}
