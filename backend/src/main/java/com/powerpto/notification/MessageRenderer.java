package com.powerpto.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.security.SecretBox;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an outbox row's event into what is sent, at delivery (decision 0060): an e-mail (subject,
 * text, HTML from the kind's templates) or a chat message ({@link ChatMessage}, drawn by the Slack
 * and Teams senders). Names, time zones and units are read now; the event's own facts (dates,
 * amounts, note, base URL) are as they were when it happened. Runs in the delivery transaction.
 */
@Component
public class MessageRenderer {

    private final NotificationRepository repository;
    private final SecretBox box;
    private final ObjectMapper json;
    private final Templates templates = new Templates();

    public MessageRenderer(NotificationRepository repository, SecretBox box, ObjectMapper json) {
        this.repository = repository;
        this.box = box;
        this.json = json;
    }

    /** An e-mail ready to send, or empty when its recipient no longer exists (nothing to send). */
    record Email(String to, Templates.Rendered message) {
    }

    Optional<Email> email(NotificationRepository.OutboxRow row) {
        var to = row.recipientId() == null ? Optional.<NotificationRepository.Recipient>empty()
                : repository.person(row.companyId(), row.recipientId());
        if (to.isEmpty()) {
            return Optional.empty();
        }
        NotificationKind kind = NotificationKind.valueOf(row.kind());
        Map<String, String> values = values(row, kind, to.get(), read(row.event()));
        values.putIfAbsent("preferences_link", row.baseUrl() + "/account#notifications");
        return Optional.of(new Email(to.get().email(), templates.render(kind, values)));
    }

    /** The subject an unsent row will have (for the admins' list); null when it cannot be rendered now. */
    String subject(NotificationRepository.OutboxRow row) {
        try {
            if (row.channel() == Channel.EMAIL) {
                return email(row).map(e -> e.message().subject()).orElse(null);
            }
            return chat(OutboxMessage.of(row)).map(ChatMessage::headline).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Map<String, String> values(NotificationRepository.OutboxRow row, NotificationKind kind,
                                       NotificationRepository.Recipient to, JsonNode event) {
        UUID companyId = row.companyId();
        Map<String, String> values = new HashMap<>();
        values.put("recipient_name", to.name());
        switch (kind) {
            case REQUEST_SUBMITTED, REQUEST_APPROVED, REQUEST_DENIED, APPROVED_REQUEST_CANCELLED -> {
                var employee = repository.person(companyId, uuid(event, "employee_id")).orElse(to);
                values.putAll(requestValues(companyId, event, to, employee));
                switch (kind) {
                    case REQUEST_SUBMITTED -> values.put("link", row.baseUrl() + "/approvals?request=" + text(event, "request_id"));
                    case APPROVED_REQUEST_CANCELLED -> {
                        UUID by = uuid(event, "cancelled_by");
                        values.put("actor_name", employee.id().equals(by) ? employee.name() : nameOf(companyId, by));
                        values.put("link", row.baseUrl() + "/team-calendar");
                    }
                    default -> {
                        values.put("decider_name", nameOf(companyId, uuid(event, "decided_by")));
                        String note = text(event, "note");
                        values.put("note", note == null ? "(none)" : note);
                        values.put("link", row.baseUrl() + "/requests");
                    }
                }
            }
            case INVITE -> {
                values.put("company", repository.companyName(companyId));
                // The token travels in the URL fragment, which no server, proxy or log ever sees (issue 25 #8).
                values.put("link", row.baseUrl() + "/accept-invite#token=" + inviteToken(row));
            }
            case PASSWORD_CHANGED, SIGNED_OUT_EVERYWHERE -> {
                values.put("when", MessageFormat.instant(Instant.parse(text(event, "at")), to.zone()));
                values.put("link", row.baseUrl() + "/sign-in");
            }
            case FORFEIT_WARNING -> {
                LocalDate on = LocalDate.parse(text(event, "on"));
                var policy = repository.policy(companyId, uuid(event, "policy_id"), on);
                values.put("policy", policy.key());
                values.put("amount", MessageFormat.amount(event.path("minutes").asLong(), policy.unit(), to.workdayMinutes()));
                values.put("date", MessageFormat.date(on));
                values.put("reason", switch (Notifications.ForfeitReason.valueOf(text(event, "reason"))) {
                    case CARRYOVER -> "more than the policy carries over at its reset date";
                    case EXPIRATION -> "the policy's expiration date";
                    case CARRIED_EXPIRY -> "carried-over time off expires";
                });
                values.put("link", row.baseUrl() + "/requests");
            }
            case TERMINATION_FINAL_STATEMENT -> {
                UUID employeeId = uuid(event, "employee_id");
                values.put("employee_name", nameOf(companyId, employeeId));
                values.put("date", MessageFormat.date(LocalDate.parse(text(event, "last_day"))));
                List<String> lines = new ArrayList<>();
                event.path("lines").forEach(l -> lines.add(l.asText()));
                values.put("statement", String.join("\n", lines));
                values.put("link", row.baseUrl() + "/admin/employees/" + employeeId);
            }
        }
        return values;
    }

    private Map<String, String> requestValues(UUID companyId, JsonNode event, NotificationRepository.Recipient to,
                                              NotificationRepository.Recipient employee) {
        Instant start = Instant.parse(text(event, "start_at"));
        var policy = repository.policy(companyId, uuid(event, "policy_id"), LocalDate.ofInstant(start, ZoneOffset.UTC));
        Map<String, String> values = new HashMap<>();
        values.put("employee_name", employee.name());
        values.put("policy", policy.key());
        values.put("period", MessageFormat.period(start, Instant.parse(text(event, "end_at")), employee.zone(), to.zone()));
        values.put("amount", MessageFormat.amount(event.path("minutes").asLong(), policy.unit(), employee.workdayMinutes()));
        return values;
    }

    private String inviteToken(NotificationRepository.OutboxRow row) {
        if (row.secretCiphertext() == null) {
            throw new IllegalStateException("the invitation's token is gone (already sent or never kept)");
        }
        return box.open(Notifications.secretContext(row.companyId(), row.id()), row.secretCiphertext());
    }

    // --- chat ----------------------------------------------------------------------------------

    /**
     * The chat message of a row on the Slack or Teams channel: the request to decide (for an
     * approver, or the company's Teams channel), or its decision (for the employee). The request is
     * read now, so a message drawn after the decision shows the outcome instead of the buttons.
     * Empty when the request is gone.
     */
    public Optional<ChatMessage> chat(OutboxMessage row) {
        JsonNode event = read(row.event());
        return request(row.companyId(), uuid(event, "request_id"), row.kind().name(), row.recipientId(), row.baseUrl(),
                text(event, "notice"));
    }

    /** Why a chat row exists: null for a message to its recipient, else "refresh" of every approver's message. */
    public String refreshOf(OutboxMessage row) {
        return text(read(row.event()), "refresh");
    }

    /**
     * A request drawn for one viewer ({@code viewerId} null: a channel, dates in the employee's
     * zone): what Slack shows after a click, and what every chat row renders.
     */
    public Optional<ChatMessage> request(UUID companyId, UUID requestId, String kind, UUID viewerId, String baseUrl,
                                         String notice) {
        var state = repository.requestState(companyId, requestId);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        var f = state.get();
        var employee = repository.person(companyId, f.employeeId()).orElse(null);
        if (employee == null) {
            return Optional.empty();
        }
        var viewer = viewerId == null ? employee : repository.person(companyId, viewerId).orElse(employee);
        ZoneId zone = viewer.zone();
        var policy = repository.policy(companyId, f.policyId(), LocalDate.ofInstant(f.startAt(), ZoneOffset.UTC));
        var s = f;
        boolean forEmployee = NotificationKind.REQUEST_APPROVED.name().equals(kind) || NotificationKind.REQUEST_DENIED.name().equals(kind);
        List<ChatMessage.Fact> lines = new ArrayList<>();
        if (!forEmployee) {
            lines.add(new ChatMessage.Fact("Who", employee.name()));
        }
        lines.add(new ChatMessage.Fact("When", MessageFormat.period(f.startAt(), f.endAt(), employee.zone(), zone)));
        lines.add(new ChatMessage.Fact("Amount", MessageFormat.amount(f.minutes(), policy.unit(), employee.workdayMinutes())
                + " of " + policy.key()));
        List<String> warnings = new ArrayList<>();
        boolean open = "SUBMITTED".equals(s.status());
        if (!policy.unlimited()) {
            // The snapshot's available already has the request's hold (or usage) taken off.
            long available = repository.available(companyId, f.employeeId(), f.policyId()).orElse(0L);
            boolean counted = open || "APPROVED".equals(s.status());
            lines.add(new ChatMessage.Fact(counted ? "Balance after" : "Balance",
                    MessageFormat.amount(available, policy.unit(), employee.workdayMinutes())));
            if (open && available < 0) {
                warnings.add("The balance goes below zero.");
            }
        }
        if (!forEmployee && s.reason() != null) {
            lines.add(new ChatMessage.Fact("Reason", s.reason()));
        }
        f.rulesOverridden().forEach(rule -> warnings.add("An admin overrode the rule " + rule.replace('_', ' ') + "."));
        String outcome = outcome(companyId, s, zone);
        if (forEmployee && s.decisionNote() != null) {
            lines.add(new ChatMessage.Fact("Note", s.decisionNote()));
        }
        String headline = forEmployee
                ? ("APPROVED".equals(s.status()) ? "Your time off is approved" : "DENIED".equals(s.status())
                        ? "Your time-off request was denied" : "Your time-off request")
                : "Time-off request from " + employee.name();
        String link = baseUrl + (forEmployee ? "/requests" : "/approvals?request=" + requestId);
        return Optional.of(new ChatMessage(requestId, s.status(), headline, lines, warnings, outcome,
                !forEmployee && open, link, notice));
    }

    /** "Approved by Mark Tester at 10:42" in the viewer's zone (the date too when it is not today there). */
    private String outcome(UUID companyId, NotificationRepository.RequestState s, ZoneId zone) {
        return switch (s.status()) {
            case "APPROVED", "DENIED" -> ("APPROVED".equals(s.status()) ? "Approved by " : "Denied by ")
                    + nameOf(companyId, s.decidedBy()) + (s.decidedAt() == null ? "" : " at " + MessageFormat.clock(s.decidedAt(), zone))
                    + (s.decisionNote() == null || s.decisionNote().isBlank() ? "" : ": \u201c" + s.decisionNote() + "\u201d");
            case "CANCELLED" -> "Cancelled";
            default -> null;
        };
    }

    // -------------------------------------------------------------------------------------------

    private String nameOf(UUID companyId, UUID employeeId) {
        if (employeeId == null) {
            return "An administrator";
        }
        return repository.person(companyId, employeeId).map(NotificationRepository.Recipient::name).orElse("An administrator");
    }

    private JsonNode read(String event) {
        try {
            return json.readTree(event == null ? "{}" : event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : UUID.fromString(value);
    }
}
