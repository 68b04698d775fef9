package com.powerpto.accrual;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.accrual.timeline.BalanceInputs;
import com.powerpto.accrual.timeline.PolicyRules;
import com.powerpto.accrual.timeline.Timeline;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.web.ApiException;
import com.powerpto.policy.PolicyBodies;
import com.powerpto.policy.PolicyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The policy-change simulator (issue 24): every balance of the policy played twice — with its versions,
 * and with a draft next version in their place from its {@code effective_from} — and compared on a
 * date. The timeline is a pure function of its inputs, so a draft is just another input; nothing is
 * written. The numbers are the ones the jobs would post if the version were saved.
 */
@Service
public class PolicySimulator {

    static final int CHUNK = 1000;
    static final int MAX_YEARS_AHEAD = 5;

    private final PolicyService policies;
    private final TimelineRepository timelines;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PolicySimulator(PolicyService policies, TimelineRepository timelines, ObjectMapper mapper, Clock clock) {
        this.policies = policies;
        this.timelines = timelines;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** {@code version}: the draft as a PUT would send it; {@code as_of}: the date compared (default today). */
    public record Body(PolicyBodies.VersionBody version, LocalDate asOf) {
    }

    /** Minutes are null where the balance has no limit (an unlimited policy, now or in the draft). */
    public record Item(UUID employeeId, UUID policyId, Long availableMinutesNow, Long availableMinutesSimulated,
                       Long differenceMinutes) {
    }

    public record Totals(int employees, int gain, int lose, int unchanged, long differenceMinutes) {
    }

    public record Simulation(LocalDate asOf, LocalDate effectiveFrom, List<Item> items, Totals totals) {
    }

    @Transactional(readOnly = true)
    public Simulation simulate(Caller caller, UUID companyId, UUID policyId, Body body) {
        caller.adminOf(companyId);
        if (body == null || body.version() == null) {
            throw ApiException.invalid("version", "is required");
        }
        policies.checkDraft(caller, companyId, policyId, body.version());
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = body.asOf() == null ? today : body.asOf();
        if (asOf.getYear() < 1900 || asOf.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw ApiException.invalid("as_of", "must be a date from 1900 up to " + MAX_YEARS_AHEAD + " years ahead");
        }
        PolicyRules draft = rules(body.version().settings());
        LocalDate from = body.version().effectiveFrom();
        List<Item> items = new ArrayList<>();
        List<UUID> employees = timelines.assignedEmployees(companyId, policyId);
        for (int i = 0; i < employees.size(); i += CHUNK) {
            List<UUID> chunk = employees.subList(i, Math.min(employees.size(), i + CHUNK));
            for (Map.Entry<TimelineRepository.Ref, BalanceInputs> e : timelines.load(companyId, chunk, policyId).entrySet()) {
                BalanceInputs now = e.getValue();
                BalanceInputs simulated = now.withVersions(withDraft(now.versions(), from, draft));
                Long before = available(now, asOf);
                Long after = available(simulated, asOf);
                items.add(new Item(e.getKey().employeeId(), policyId, before, after,
                        before == null || after == null ? null : after - before));
            }
        }
        int gain = 0;
        int lose = 0;
        long total = 0;
        for (Item item : items) {
            long d = item.differenceMinutes() == null ? 0 : item.differenceMinutes();
            gain += d > 0 ? 1 : 0;
            lose += d < 0 ? 1 : 0;
            total += d;
        }
        return new Simulation(asOf, from, items, new Totals(items.size(), gain, lose, items.size() - gain - lose, total));
    }

    /** The versions as they would be after saving the draft: earlier ones end where it starts. */
    static List<BalanceInputs.Version> withDraft(List<BalanceInputs.Version> versions, LocalDate from, PolicyRules draft) {
        List<BalanceInputs.Version> result = new ArrayList<>();
        for (BalanceInputs.Version v : versions) {
            if (v.from().isBefore(from)) {
                LocalDate to = v.toExclusive() == null || v.toExclusive().isAfter(from) ? from : v.toExclusive();
                result.add(new BalanceInputs.Version(v.id(), v.from(), to, v.rules()));
            }
        }
        result.add(new BalanceInputs.Version(UUID.randomUUID(), from, null, draft));
        return result;
    }

    /** Available on {@code asOf} by the timeline: every input plus the events up to it; null without a limit. */
    static Long available(BalanceInputs in, LocalDate asOf) {
        BalanceInputs.Version inForce = in.versions().stream().filter(v -> !v.from().isAfter(asOf)
                && (v.toExclusive() == null || v.toExclusive().isAfter(asOf))).findFirst().orElse(null);
        if (inForce != null && (inForce.rules() == null || inForce.rules().unlimited())) {
            return null;
        }
        long sum = in.adjustments().stream().filter(a -> !a.date().isAfter(asOf))
                .mapToLong(BalanceInputs.Adjustment::minutes).sum();
        sum -= in.leave().stream().mapToLong(l -> l.usedMinutes() + l.heldMinutes()).sum();
        return sum + Timeline.sum(Timeline.compute(in, asOf), asOf);
    }

    private PolicyRules rules(JsonNode settings) {
        try {
            return AccrualSettings.parse(settings == null ? mapper.nullNode() : settings).rules();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("version.settings", e.getMessage());
        }
    }
}
