package com.powerpto.integration.slack;

import com.powerpto.notification.ChatMessage;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.view.View;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * A {@link ChatMessage} as Slack Block Kit: headline, the facts as fields, warnings, the outcome once
 * decided, Approve / Deny while it can be decided, the link into the web app; and the modal that
 * Deny opens for the note. Text from people is escaped for Slack's mrkdwn.
 */
final class SlackBlocks {

    static final String APPROVE = "approve";
    static final String DENY = "deny";
    static final String DENY_MODAL = "deny_request";
    static final String NOTE_BLOCK = "note";
    static final String NOTE_INPUT = "note";

    private SlackBlocks() {
    }

    static List<LayoutBlock> of(ChatMessage m) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(m.headline()))));
        List<TextObject> fields = new ArrayList<>();
        m.facts().forEach(f -> fields.add(markdownText("*" + escape(f.label()) + "*\n" + escape(f.value()))));
        blocks.add(section(s -> s.fields(fields)));
        if (!m.warnings().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":warning: " + escape(String.join(" ", m.warnings())))))));
        }
        if (m.notice() != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":no_entry_sign: " + escape(m.notice()))))));
        }
        if (m.decidable()) {
            String id = m.requestId().toString();
            blocks.add(actions(a -> a.blockId("decide").elements(List.of(
                    button(b -> b.actionId(APPROVE).text(plainText("Approve")).value(id).style("primary")),
                    button(b -> b.actionId(DENY).text(plainText("Deny")).value(id).style("danger"))))));
        } else if (m.outcome() != null) {
            String icon = "APPROVED".equals(m.status()) ? ":white_check_mark: " : "DENIED".equals(m.status()) ? ":x: " : ":heavy_minus_sign: ";
            blocks.add(section(s -> s.text(markdownText(icon + "*" + escape(m.outcome()) + "*"))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("<" + m.link() + "|Open in Power PTO>")))));
        return blocks;
    }

    /** The notification text (shown where blocks are not: push notifications, screen readers). */
    static String text(ChatMessage m) {
        return m.headline() + (m.outcome() == null ? "" : " — " + m.outcome());
    }

    /** The modal Deny opens: an optional note; the request and the message travel in private_metadata. */
    static View denyModal(UUID requestId, String channel, String ts) {
        return view(v -> v.type("modal").callbackId(DENY_MODAL)
                .privateMetadata(requestId + "|" + (channel == null ? "" : channel) + "|" + (ts == null ? "" : ts))
                .title(viewTitle(t -> t.type("plain_text").text("Deny time off")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Deny")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(NOTE_BLOCK).optional(true)
                        .label(plainText("Note for the employee"))
                        .element(plainTextInput(p -> p.actionId(NOTE_INPUT).multiline(true).maxLength(1000)))))));
    }

    /** Slack mrkdwn: &, < and > are control characters. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
