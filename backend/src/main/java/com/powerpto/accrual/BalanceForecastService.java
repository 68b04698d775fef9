package com.powerpto.accrual;

import com.powerpto.accrual.calc.BalanceForecast;
import com.powerpto.accrual.calc.ExpectedAccruals;
import com.powerpto.ledger.BalanceService;
import com.powerpto.ledger.BalanceView;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The balance on a future date (docs/corrections.md, "Forecast"): available now + the accruals the
 * schedule will post up to that date (bank cap applied) − carryover forfeits and expirations on the
 * way. Submitted and approved requests are already held or used in "available now", so they are
 * reported ({@code booked_minutes}, those starting up to the date) but not subtracted twice.
 */
@Service
public class BalanceForecastService {

    /** How far ahead a forecast may look. */
    static final int MAX_YEARS_AHEAD = 5;

    private final BalanceService balances;
    private final RecalcRepository recalc;
    private final ForecastRepository repository;
    private final AccrualRecalculation recalculation;
    private final Clock clock;

    public BalanceForecastService(BalanceService balances, RecalcRepository recalc, ForecastRepository repository,
                                  AccrualRecalculation recalculation, Clock clock) {
        this.balances = balances;
        this.recalc = recalc;
        this.repository = repository;
        this.recalculation = recalculation;
        this.clock = clock;
    }

    /**
     * One line of the forecast; amounts are null for unlimited policies; {@code policyName} null when unset.
     * {@code forfeits} and {@code cappedAccrualMinutes} (issue 26) say what the projection contains: each
     * forfeit on its date (carryover cap, expiration, carried minutes expiring) and the accruals the bank
     * cap withholds.
     */
    public record Item(UUID policyId, String policyKey, Long availableMinutes, Long scheduledAccrualMinutes,
                       Long bookedMinutes, Long expiringMinutes, Long projectedAvailableMinutes, String policyName,
                       List<BalanceForecast.Forfeit> forfeits, Long cappedAccrualMinutes) {
    }

    /** The forecast of one balance on one date, for the request preview. */
    public record Projection(LocalDate date, Item item) {
    }

    public record Forecast(LocalDate date, List<Item> items) {
    }

    @Transactional(readOnly = true)
    public Forecast forecast(Caller caller, UUID companyId, UUID employeeId, String dateText) {
        List<BalanceView> views = balances.balances(caller, companyId, employeeId); // access: admin, manager of, self
        LocalDate date = parse(dateText);
        return new Forecast(date, items(companyId, employeeId, views, date));
    }

    /**
     * Projected available minutes of one balance on {@code date} (request preview); null when the
     * policy is unlimited or the employee has no balance line for it.
     */
    @Transactional(readOnly = true)
    public Long availableOn(Caller caller, UUID companyId, UUID employeeId, UUID policyId, LocalDate date) {
        return projectionOn(caller, companyId, employeeId, policyId, date)
                .map(p -> p.item().projectedAvailableMinutes()).orElse(null);
    }

    /**
     * The whole forecast line of one balance on {@code date} (today when the date has passed), so the
     * preview can say what its number contains; empty when the employee has no balance line for it.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<Projection> projectionOn(Caller caller, UUID companyId, UUID employeeId, UUID policyId,
                                                       LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate on = date.isBefore(today) ? today : date;
        List<BalanceView> views = balances.balance(caller, companyId, employeeId, policyId).stream().toList();
        return items(companyId, employeeId, views, on).stream().findFirst().map(item -> new Projection(on, item));
    }

    private List<Item> items(UUID companyId, UUID employeeId, List<BalanceView> views, LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        LocalDate after = recalculation.horizon().filter(h -> h.isBefore(today)).orElse(today);
        List<UUID> policies = views.stream().filter(v -> !v.isUnlimited()).map(BalanceView::policyId).toList();
        Map<UUID, Long> booked = repository.booked(companyId, employeeId, today, date);
        Map<UUID, AccrualSettings> settings = repository.settingsOn(companyId, policies, today);
        Map<RecalcRepository.Key, List<RecalcRepository.SpanRow>> spans = new LinkedHashMap<>();
        for (RecalcRepository.SpanRow s : recalc.spans(companyId, List.of(employeeId), null, date, true)) {
            spans.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
        }
        Map<UUID, List<ExpectedAccruals.Version>> versions = policies.isEmpty() ? Map.of() : recalc.versions(companyId, policies);
        List<ForecastRepository.PendingCarry> carries = repository.pendingCarries(companyId, employeeId, after);
        Map<UUID, LocalDate> anchors = repository.anniversaryAnchors(companyId, employeeId, date);
        List<Item> items = new ArrayList<>();
        for (BalanceView v : views) {
            if (v.isUnlimited()) {
                items.add(new Item(v.policyId(), v.policyKey(), null, null, null, null, null, v.policyName(), List.of(), null));
                continue;
            }
            List<RecalcRepository.SpanRow> own = spans.getOrDefault(new RecalcRepository.Key(employeeId, v.policyId()), List.of());
            List<ExpectedAccruals.Expected> scheduled = own.isEmpty() ? List.of() : ExpectedAccruals.expected(
                    own.stream().map(s -> new ExpectedAccruals.Span(s.from(), s.toExclusive())).toList(),
                    uncapped(versions.getOrDefault(v.policyId(), List.of())), own.get(0).hireDate(), date, List.of())
                    .stream().filter(e -> e.date().isAfter(after)).toList();
            List<BalanceForecast.CarriedExpiry> carried = carries.stream().filter(c -> c.policyId().equals(v.policyId()))
                    .map(c -> new BalanceForecast.CarriedExpiry(c.expiresOn(),
                            Math.max(0, c.carried() - (v.usedMinutes() - c.usedAtCarryover())))).toList();
            long available = v.availableMinutes() == null ? 0 : v.availableMinutes();
            BalanceForecast.Result r = BalanceForecast.project(after, date, available, v.accruedMinutes() - v.usedMinutes(),
                    scheduled, rules(settings.get(v.policyId()), anchors.get(v.policyId())), carried);
            items.add(new Item(v.policyId(), v.policyKey(), available, r.scheduledAccrualMinutes(),
                    booked.getOrDefault(v.policyId(), 0L), r.expiringMinutes(), r.projectedAvailableMinutes(), v.policyName(),
                    r.forfeits(), r.cappedMinutes()));
        }
        return items;
    }

    /** The cap is applied by the forecast from the projected banked balance, not by the replay. */
    private static List<ExpectedAccruals.Version> uncapped(List<ExpectedAccruals.Version> versions) {
        return versions.stream().map(x -> new ExpectedAccruals.Version(x.id(), x.from(), x.toExclusive(), x.rule(), null)).toList();
    }

    private static BalanceForecast.Rules rules(AccrualSettings s, LocalDate anchor) {
        if (s == null) {
            return new BalanceForecast.Rules(null, false, null, null, null);
        }
        var e = s.expiration();
        MonthDay expiresOn = e.enabled() && e.month() != null && e.day() != null ? MonthDay.of(e.month(), e.day()) : null;
        return new BalanceForecast.Rules(s.bankCapMinutes(), s.carryover().enabled(), s.carryover().capMinutes(),
                s.carryover().expiresAfterDays(), expiresOn, s.carryover().reset(), anchor);
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
