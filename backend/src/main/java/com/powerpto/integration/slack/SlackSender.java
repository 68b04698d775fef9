package com.powerpto.integration.slack;

import com.powerpto.notification.Channel;
import com.powerpto.notification.ChannelSender;
import com.powerpto.notification.ChatMessage;
import com.powerpto.notification.MessageRenderer;
import com.powerpto.notification.NotificationKind;
import com.powerpto.notification.OutboxMessage;
import com.powerpto.platform.security.SecretBox;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers the outbox's Slack rows (issue 29), rendered now by {@link MessageRenderer}:
 * <ul>
 *   <li>a request to an approver: a direct message with Approve / Deny (chat.postMessage to the
 *       user found by e-mail), remembered so that later rows update it (chat.update);</li>
 *   <li>a decision to the employee: a direct message;</li>
 *   <li>a refresh (recipient none): every approver's message of the request redrawn with its outcome;</li>
 *   <li>a notice to one approver who clicked a button they may no longer use: their message redrawn
 *       with the notice.</li>
 * </ul>
 * A person who is not in the workspace is skipped (e-mail stays their channel); a failed call is
 * retried by the outbox (backoff, FAILED after the last try, {@code notification.chat.delivery.failure}).
 */
@Component
class SlackSender implements ChannelSender {

    private final SlackRepository repository;
    private final SlackApi api;
    private final SlackDirectory directory;
    private final MessageRenderer renderer;
    private final SecretBox box;
    private final Clock clock;

    SlackSender(SlackRepository repository, SlackApi api, SlackDirectory directory, MessageRenderer renderer, SecretBox box,
                Clock clock) {
        this.repository = repository;
        this.api = api;
        this.directory = directory;
        this.renderer = renderer;
        this.box = box;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws DeliveryException {
        var settings = repository.settings(message.companyId());
        if (settings.isEmpty()) {
            return Delivery.skipped("Slack is not connected any more");
        }
        String token = SlackSettingsService.botToken(box, settings.get());
        try {
            return message.recipientId() == null ? refresh(message, token) : toPerson(message, token);
        } catch (SlackApi.Failure f) {
            throw new DeliveryException("Slack: " + f.error());
        }
    }

    private Delivery refresh(OutboxMessage message, String token) throws SlackApi.Failure {
        var request = renderer.chat(message);
        if (request.isEmpty()) {
            return Delivery.skipped("the request no longer exists");
        }
        int updated = 0;
        for (var posted : repository.messages(message.companyId(), request.get().requestId())) {
            var drawn = renderer.request(message.companyId(), request.get().requestId(), NotificationKind.REQUEST_SUBMITTED.name(),
                    posted.employeeId(), message.baseUrl(), null);
            if (drawn.isPresent()) {
                api.update(token, posted.channelId(), posted.ts(), SlackBlocks.text(drawn.get()), SlackBlocks.of(drawn.get()));
                updated++;
            }
        }
        return updated == 0 ? Delivery.skipped("no approver's Slack message to update")
                : Delivery.sent(request.get().headline() + " (" + updated + " message(s) updated)", null);
    }

    private Delivery toPerson(OutboxMessage message, String token) throws SlackApi.Failure {
        Optional<ChatMessage> drawn = renderer.chat(message);
        if (drawn.isEmpty()) {
            return Delivery.skipped("the request no longer exists");
        }
        ChatMessage chat = drawn.get();
        UUID company = message.companyId();
        UUID person = message.recipientId();
        boolean approverMessage = message.kind() == NotificationKind.REQUEST_SUBMITTED;
        if (approverMessage) {
            repository.lockMessage(company, chat.requestId(), person);
            var posted = repository.message(company, chat.requestId(), person);
            if (posted.isPresent()) {
                api.update(token, posted.get().channelId(), posted.get().ts(), SlackBlocks.text(chat), SlackBlocks.of(chat));
                return Delivery.sent(chat.headline(), null);
            }
            if (chat.notice() != null) {
                return Delivery.skipped("no Slack message of this person to add the notice to");
            }
        }
        var who = repository.activePerson(company, person, clock.instant());
        if (who.isEmpty()) {
            return Delivery.skipped("the recipient is no longer active");
        }
        var user = directory.userOf(api, token, company, person, who.get().email());
        if (user.isEmpty()) {
            return Delivery.skipped("not in the company's Slack workspace (e-mail only)");
        }
        SlackApi.Posted posted;
        try {
            posted = api.post(token, user.get(), SlackBlocks.text(chat), SlackBlocks.of(chat));
        } catch (SlackApi.Failure f) {
            if (SlackApi.STALE_USER.contains(f.error())) {
                directory.forget(company, person); // looked up again on the next try
            }
            throw f;
        }
        if (approverMessage) {
            repository.saveMessage(company, chat.requestId(), person, posted.channel(), posted.ts(), clock.instant());
        }
        return Delivery.sent(chat.headline(), null);
    }
}
