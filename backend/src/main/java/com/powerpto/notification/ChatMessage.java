package com.powerpto.notification;

import java.util.List;
import java.util.UUID;

/**
 * A request as a chat message shows it, independent of Slack's blocks and Teams' cards (the
 * senders draw it): a headline, facts, warnings, the outcome once decided, whether it can still be
 * decided here, the link into the web app, and an optional notice for the one reader who clicked.
 */
public record ChatMessage(UUID requestId, String status, String headline, List<Fact> facts, List<String> warnings,
                          String outcome, boolean decidable, String link, String notice) {

    public record Fact(String label, String value) {
    }
}
