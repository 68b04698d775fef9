package com.powerpto.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outbox writer: one method per message kind. Every method runs inside the caller's
 * transaction ({@link Propagation#MANDATORY}), so the message rows commit or roll back with the
 * change that causes them; the worker ({@link OutboxDelivery}) sends them later. Each row has a
 * dedupe key, so calling a method twice for the same event writes one row per recipient.
 * Amounts are in the policy's unit, dates in the recipient's time zone, links under APP_BASE_URL.
 */
@Service
public class Notifications {

    private final NotificationRepository repository;
    private final Templates templates = new Templates();
    private final Clock clock;
    private final String baseUrl;
    private final String messageIdDomain;

    public Notifications(NotificationRepository repository, Clock clock,
                         @Value("${pto.notifications.base-url:http://localhost:8000}") String baseUrl) {
        this.repository = repository;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String host = URI.create(this.baseUrl).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "power-pto.local" : host;
    }

    // --- requests ------------------------------------------------------------------------------

    /** Submitted → the employee's manager, or every admin when the employee has no manager. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestSubmitted(RequestFacts r) {
        var employee = repository.person(r.companyId(), r.employeeId()).orElseThrow();
        List<NotificationRepository.Recipient> approvers = employee.managerId() == null
                ? repository.admins(r.companyId())
                : repository.person(r.companyId(), employee.managerId()).filter(NotificationRepository.Recipient::active)
                        .map(List::of).orElseGet(() -> repository.admins(r.companyId()));
        for (var approver : approvers) {
            if (approver.id().equals(employee.id())) {
                continue; // an admin's own request: nobody else to tell here but the other admins
            }
            Map<String, String> values = requestValues(r, approver, employee);
            values.put("link", link("/approvals?request=" + r.requestId()));
            enqueue(r.companyId(), NotificationKind.REQUEST_SUBMITTED, approver, values, r.requestId().toString(), false);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void requestApproved(RequestFacts r) {
        decided(r, NotificationKind.REQUEST_APPROVED);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void requestDenied(RequestFacts r) {
        decided(r, NotificationKind.REQUEST_DENIED);
    }

    /** An approved request was cancelled → whoever approved it (the manager when unknown). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void approvedRequestCancelled(RequestFacts r, UUID cancelledBy) {
        var employee = repository.person(r.companyId(), r.employeeId()).orElseThrow();
        UUID approverId = r.decidedBy() != null ? r.decidedBy() : employee.managerId();
        if (approverId == null || approverId.equals(cancelledBy)) {
            return; // the approver cancelled it themselves: nothing to tell them
        }
        var approver = repository.person(r.companyId(), approverId).filter(NotificationRepository.Recipient::active);
        if (approver.isEmpty()) {
            return;
        }
        Map<String, String> values = requestValues(r, approver.get(), employee);
        values.put("actor_name", cancelledBy.equals(employee.id()) ? employee.name() : nameOf(r.companyId(), cancelledBy));
        values.put("link", link("/team-calendar"));
        enqueue(r.companyId(), NotificationKind.APPROVED_REQUEST_CANCELLED, approver.get(), values,
                r.requestId().toString(), false);
    }

    private void decided(RequestFacts r, NotificationKind kind) {
        var employee = repository.person(r.companyId(), r.employeeId()).orElseThrow();
        Map<String, String> values = requestValues(r, employee, employee);
        values.put("decider_name", nameOf(r.companyId(), r.decidedBy()));
        values.put("note", r.decisionNote() == null ? "(none)" : r.decisionNote());
        values.put("link", link("/requests"));
        enqueue(r.companyId(), kind, employee, values, r.requestId().toString(), false);
    }

    private Map<String, String> requestValues(RequestFacts r, NotificationRepository.Recipient to,
                                              NotificationRepository.Recipient employee) {
        var policy = repository.policy(r.companyId(), r.policyId(), LocalDate.ofInstant(r.startAt(), ZoneOffset.UTC));
        Map<String, String> values = new HashMap<>();
        values.put("recipient_name", to.name());
        values.put("employee_name", employee.name());
        values.put("policy", policy.key());
        values.put("period", MessageFormat.period(r.startAt(), r.endAt(), employee.zone(), to.zone()));
        values.put("amount", MessageFormat.amount(r.minutes(), policy.unit(), employee.workdayMinutes()));
        return values;
    }

    // --- accounts ------------------------------------------------------------------------------

    /** The invitation link (the admin may still copy it from the API answer). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void invite(UUID companyId, UUID employeeId, String token) {
        var to = repository.person(companyId, employeeId).orElseThrow();
        Map<String, String> values = new HashMap<>();
        values.put("recipient_name", to.name());
        values.put("company", repository.companyName(companyId));
        values.put("link", link("/accept-invite?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
        // Each invitation is its own event: a re-sent invite carries a new token.
        enqueue(companyId, NotificationKind.INVITE, to, values, UUID.randomUUID().toString(), true);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void passwordChanged(UUID companyId, UUID employeeId) {
        securityMessage(companyId, employeeId, NotificationKind.PASSWORD_CHANGED);
    }

    /** For "sign out everywhere" (issue 16): call in the transaction that ends the sessions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signedOutEverywhere(UUID companyId, UUID employeeId) {
        securityMessage(companyId, employeeId, NotificationKind.SIGNED_OUT_EVERYWHERE);
    }

    private void securityMessage(UUID companyId, UUID employeeId, NotificationKind kind) {
        var to = repository.person(companyId, employeeId).orElseThrow();
        Instant now = clock.instant();
        Map<String, String> values = new HashMap<>();
        values.put("recipient_name", to.name());
        values.put("when", MessageFormat.instant(now, to.zone()));
        values.put("link", link("/sign-in"));
        enqueue(companyId, kind, to, values, String.valueOf(now.toEpochMilli()), false);
    }

    // --- balances and leaving ------------------------------------------------------------------

    /** Why minutes are about to go. */
    public enum ForfeitReason { CARRYOVER, EXPIRATION, CARRIED_EXPIRY }

    /**
     * Minutes of a balance that will be forfeited on {@code on} (carryover cap or expiration),
     * sent by the daily forfeit-warning job 14 days before (carryover cap, expiration, or the expiry of
     * carried-over minutes). One message per balance, reason and date.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forfeitWarning(UUID companyId, UUID employeeId, UUID policyId, long minutes, LocalDate on,
                               ForfeitReason reason) {
        var to = repository.person(companyId, employeeId).filter(NotificationRepository.Recipient::active);
        if (to.isEmpty() || minutes <= 0) {
            return;
        }
        var policy = repository.policy(companyId, policyId, on);
        Map<String, String> values = new HashMap<>();
        values.put("recipient_name", to.get().name());
        values.put("policy", policy.key());
        values.put("amount", MessageFormat.amount(minutes, policy.unit(), to.get().workdayMinutes()));
        values.put("date", MessageFormat.date(on));
        values.put("reason", switch (reason) {
            case CARRYOVER -> "more than the policy carries over at its reset date";
            case EXPIRATION -> "the policy's expiration date";
            case CARRIED_EXPIRY -> "carried-over time off expires";
        });
        values.put("link", link("/requests"));
        enqueue(companyId, NotificationKind.FORFEIT_WARNING, to.get(), values,
                policyId + ":" + reason + ":" + on, false);
    }

    /** For termination (issue 15): the final statement lines ("vacation: 3 days paid out", …) → every admin. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void terminationFinalStatement(UUID companyId, UUID employeeId, LocalDate lastDay, List<String> statementLines) {
        var employee = repository.person(companyId, employeeId).orElseThrow();
        for (var admin : repository.admins(companyId)) {
            if (admin.id().equals(employeeId)) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            values.put("recipient_name", admin.name());
            values.put("employee_name", employee.name());
            values.put("date", MessageFormat.date(lastDay));
            values.put("statement", String.join("\n", statementLines));
            values.put("link", link("/admin/employees/" + employeeId));
            enqueue(companyId, NotificationKind.TERMINATION_FINAL_STATEMENT, admin, values,
                    employeeId + ":" + lastDay, false);
        }
    }

    // -------------------------------------------------------------------------------------------

    private void enqueue(UUID companyId, NotificationKind kind, NotificationRepository.Recipient to,
                         Map<String, String> values, String eventKey, boolean containsSecret) {
        if (!kind.security() && repository.disabledKinds(companyId, to.id()).contains(kind.name())) {
            return;
        }
        values.putIfAbsent("preferences_link", link("/account#notifications"));
        Templates.Rendered message = templates.render(kind, values);
        UUID id = UUID.randomUUID();
        repository.insert(companyId, id, kind, to, message, "<" + id + "@" + messageIdDomain + ">",
                kind.name() + ":" + eventKey + ":" + to.id(), containsSecret, clock.instant());
    }

    private String nameOf(UUID companyId, UUID employeeId) {
        if (employeeId == null) {
            return "An administrator";
        }
        return repository.person(companyId, employeeId).map(NotificationRepository.Recipient::name).orElse("An administrator");
    }

    private String link(String path) {
        return baseUrl + path;
    }
}
