package com.powerpto.integration.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.powerpto.notification.ChatMessage;

/**
 * A {@link ChatMessage} as the message a Teams Workflows webhook posts: one attachment holding an
 * Adaptive Card (version 1.4, what Teams renders): the headline, the facts, warnings, the outcome
 * once decided, and an "Open in Power PTO" action to the approval page. Notification only: Teams
 * cards carry no Approve button (decision 0063).
 */
final class AdaptiveCards {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AdaptiveCards() {
    }

    static ObjectNode message(ChatMessage m) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", CONTENT_TYPE);
        attachment.putNull("contentUrl");
        attachment.set("content", card(m));
        return message;
    }

    static ObjectNode card(ChatMessage m) {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("fallbackText", m.headline() + (m.outcome() == null ? "" : " — " + m.outcome()));
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", m.headline()).put("weight", "bolder").put("size", "medium")
                .put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        m.facts().forEach(f -> facts.addObject().put("title", f.label()).put("value", f.value()));
        if (!m.warnings().isEmpty()) {
            body.addObject().put("type", "TextBlock").put("text", String.join(" ", m.warnings())).put("color", "warning")
                    .put("wrap", true);
        }
        if (m.outcome() != null) {
            body.addObject().put("type", "TextBlock").put("text", m.outcome()).put("weight", "bolder").put("wrap", true);
        }
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in Power PTO").put("url", m.link());
        return card;
    }

    /** The card "test connection" posts. */
    static ObjectNode connected() {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", "message");
        ObjectNode card = message.putArray("attachments").addObject().put("contentType", CONTENT_TYPE)
                .putNull("contentUrl").putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.putArray("body").addObject().put("type", "TextBlock").put("wrap", true)
                .put("text", "Power PTO is connected: new time-off requests will appear here.");
        return message;
    }
}
