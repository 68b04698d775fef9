package com.powerpto.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox writer: one method per message kind. Every method runs inside the caller's
 * transaction ({@link Propagation#MANDATORY}), so the rows commit or roll back with the change
 * that causes them. A row holds the EVENT only (decision 0060): the kind, ids, the amounts and
 * dates of the moment, the base URL its links will use and, sealed, a one-time secret; the worker
 * ({@link OutboxDelivery}) renders and sends it. Each row has a dedupe key, so calling a method
 * twice for the same event writes one row per recipient and channel. Opt-outs are honoured here,
 * per channel; security kinds cannot be turned off.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final NotificationRepository repository;
    private final Clock clock;
    private final PublicBaseUrl baseUrl;
    private final SecretBox box;
    private final ObjectMapper json;

    public Notifications(NotificationRepository repository, Clock clock, PublicBaseUrl baseUrl, SecretBox box,
                         ObjectMapper json) {
        this.repository = repository;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.box = box;
        this.json = json;
    }

    // --- requests ------------------------------------------------------------------------------

    /**
     * Submitted → every approver (the manager and the manager's delegates in force today, or every
     * admin when the employee has no manager) by e-mail and, when the company uses Slack, as a
     * direct message with Approve / Deny; the company's Teams channel gets a card. Whoever entered
     * the request on the employee's behalf is not told about it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestSubmitted(RequestFacts r) {
        var employee = repository.person(r.companyId(), r.employeeId()).orElseThrow();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<UUID> approvers = new ArrayList<>();
        for (var approver : repository.approvers(r.companyId(), employee.managerId(), today)) {
            // The employee (an admin's own request) and whoever entered it know already.
            if (!approver.id().equals(employee.id()) && !approver.id().equals(r.enteredBy())) {
                approvers.add(approver.id());
            }
        }
        Set<Channel> chat = repository.chatChannels(r.companyId());
        Event event = requestEvent(r);
        fanOut(r.companyId(), NotificationKind.REQUEST_SUBMITTED, approvers, chat, event, r.requestId().toString());
        if (chat.contains(Channel.TEAMS)) {
            write(r.companyId(), NotificationKind.REQUEST_SUBMITTED, Channel.TEAMS, null, event, r.requestId().toString());
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

    /**
     * A submitted request was cancelled: the approvers' Slack messages lose their buttons and say
     * so (no e-mail: nothing is left to decide).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void submittedRequestCancelled(RequestFacts r) {
        if (repository.chatChannels(r.companyId()).contains(Channel.SLACK)) {
            refreshApproverMessages(r, "cancelled");
        }
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
        Event event = requestEvent(r).with("cancelled_by", cancelledBy);
        fanOut(r.companyId(), NotificationKind.APPROVED_REQUEST_CANCELLED, List.of(approverId), Set.of(), event,
                r.requestId().toString());
    }

    private void decided(RequestFacts r, NotificationKind kind) {
        Set<Channel> chat = repository.chatChannels(r.companyId());
        fanOut(r.companyId(), kind, List.of(r.employeeId()), chat, requestEvent(r), r.requestId().toString());
        if (chat.contains(Channel.SLACK)) {
            refreshApproverMessages(r, kind.name());
        }
    }

    /** One row that redraws every approver's Slack message of the request with its outcome. */
    private void refreshApproverMessages(RequestFacts r, String why) {
        write(r.companyId(), NotificationKind.REQUEST_SUBMITTED, Channel.SLACK, null,
                new Event().with("request_id", r.requestId()).with("refresh", why), r.requestId() + ":refresh:" + why);
    }

    private Event requestEvent(RequestFacts r) {
        return new Event().with("request_id", r.requestId()).with("employee_id", r.employeeId())
                .with("policy_id", r.policyId()).with("start_at", r.startAt()).with("end_at", r.endAt())
                .with("minutes", r.minutes()).with("decided_by", r.decidedBy()).with("note", r.decisionNote());
    }

    // --- accounts ------------------------------------------------------------------------------

    /**
     * The invitation link (the admin may still copy it from the API answer). The token is sealed
     * with {@link SecretBox} on the row and removed once the e-mail is sent; without
     * {@code PTO_SECRETS_KEY} it cannot be kept, so no e-mail is written (the admin hands the link over).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void invite(UUID companyId, UUID employeeId, String token) {
        if (!box.configured()) {
            log.warn("invitation e-mail for {} in company {} not queued: PTO_SECRETS_KEY is not configured", employeeId,
                    companyId);
            return;
        }
        UUID id = UUID.randomUUID();
        // Each invitation is its own event: a re-sent invite carries a new token.
        insert(companyId, id, NotificationKind.INVITE, Channel.EMAIL, employeeId, new Event().with("employee_id", employeeId),
                box.seal(secretContext(companyId, id), token), id.toString());
    }

    /** The SecretBox context of a row's secret: a ciphertext moved to another row or company does not open. */
    static String secretContext(UUID companyId, UUID rowId) {
        return "outbox-secret:" + companyId + ":" + rowId;
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
        repository.person(companyId, employeeId).orElseThrow();
        Instant now = clock.instant();
        write(companyId, kind, Channel.EMAIL, employeeId, new Event().with("at", now), String.valueOf(now.toEpochMilli()));
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
        Event event = new Event().with("policy_id", policyId).with("minutes", minutes).with("on", on)
                .with("reason", reason.name());
        fanOut(companyId, NotificationKind.FORFEIT_WARNING, List.of(employeeId), Set.of(), event,
                policyId + ":" + reason + ":" + on);
    }

    /** For termination (issue 15): the final statement lines ("vacation: 3 days paid out", …) → every admin. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void terminationFinalStatement(UUID companyId, UUID employeeId, LocalDate lastDay, List<String> statementLines) {
        repository.person(companyId, employeeId).orElseThrow();
        List<UUID> admins = repository.admins(companyId).stream().map(NotificationRepository.Recipient::id)
                .filter(id -> !id.equals(employeeId)).toList();
        Event event = new Event().with("employee_id", employeeId).with("last_day", lastDay).with("lines", statementLines);
        fanOut(companyId, NotificationKind.TERMINATION_FINAL_STATEMENT, admins, Set.of(), event, employeeId + ":" + lastDay);
    }

    // -------------------------------------------------------------------------------------------

    /** The facts of one event, as the row's JSON. */
    static final class Event {
        private final Map<String, Object> facts = new LinkedHashMap<>();

        Event with(String key, Object value) {
            facts.put(key, value instanceof UUID || value instanceof Instant || value instanceof LocalDate
                    ? value.toString() : value);
            return this;
        }
    }

    /** E-mail to each recipient who has not turned the kind off, and the chat channels they have not turned off. */
    private void fanOut(UUID companyId, NotificationKind kind, List<UUID> recipients, Set<Channel> chat, Event event,
                        String eventKey) {
        Set<String> optedOut = kind.security() ? Set.of() : repository.optedOut(companyId, recipients, kind);
        for (UUID recipient : recipients) {
            if (!optedOut.contains(recipient + ":" + Channel.EMAIL)) {
                write(companyId, kind, Channel.EMAIL, recipient, event, eventKey);
            }
            if (kind.slack() && chat.contains(Channel.SLACK) && !optedOut.contains(recipient + ":" + Channel.SLACK)) {
                write(companyId, kind, Channel.SLACK, recipient, event, eventKey);
            }
        }
    }

    private void write(UUID companyId, NotificationKind kind, Channel channel, UUID recipient, Event event, String eventKey) {
        insert(companyId, UUID.randomUUID(), kind, channel, recipient, event, null, eventKey);
    }

    private void insert(UUID companyId, UUID id, NotificationKind kind, Channel channel, UUID recipient, Event event,
                        String sealedSecret, String eventKey) {
        String base = baseUrl.current();
        String dedupe = kind.name() + ":" + eventKey + ":" + (recipient == null ? "company" : recipient)
                + (channel == Channel.EMAIL ? "" : ":" + channel.name());
        repository.insert(companyId, new NotificationRepository.NewRow(id, kind, channel, recipient, toJson(event), base,
                sealedSecret, "<" + id + "@" + messageIdDomain(base) + ">", dedupe), clock.instant());
    }

    private String toJson(Event event) {
        try {
            return json.writeValueAsString(event.facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notification event", e);
        }
    }

    private static String messageIdDomain(String base) {
        String host = URI.create(base).getHost();
        return host == null || host.isBlank() ? "power-pto.local" : host;
    }
}
