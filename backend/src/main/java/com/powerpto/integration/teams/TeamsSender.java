package com.powerpto.integration.teams;

import com.powerpto.notification.Channel;
import com.powerpto.notification.ChannelSender;
import com.powerpto.notification.MessageRenderer;
import com.powerpto.notification.OutboxMessage;
import com.powerpto.platform.security.SecretBox;
import com.powerpto.platform.web.ApiException;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Delivers the outbox's Teams rows: the request as an Adaptive Card to the company's webhook. */
@Component
class TeamsSender implements ChannelSender {

    private final TeamsRepository repository;
    private final TeamsWebhook webhook;
    private final MessageRenderer renderer;
    private final SecretBox box;

    TeamsSender(TeamsRepository repository, TeamsWebhook webhook, MessageRenderer renderer, SecretBox box) {
        this.repository = repository;
        this.webhook = webhook;
        this.renderer = renderer;
        this.box = box;
    }

    @Override
    public Channel channel() {
        return Channel.TEAMS;
    }

    @Override
    public Delivery deliver(OutboxMessage message) throws DeliveryException {
        var settings = repository.settings(message.companyId());
        if (settings.isEmpty()) {
            return Delivery.skipped("Microsoft Teams is not connected any more");
        }
        var card = renderer.chat(message);
        if (card.isEmpty()) {
            return Delivery.skipped("the request no longer exists");
        }
        int status;
        try {
            status = webhook.post(TeamsSettingsService.webhookUrl(box, settings.get()), AdaptiveCards.message(card.get()));
        } catch (IOException e) {
            throw new DeliveryException("Teams: unreachable (" + e.getClass().getSimpleName() + ")");
        } catch (ApiException refused) {
            throw new DeliveryException("Teams: the webhook address is refused: " + refused.getMessage());
        }
        if (status / 100 != 2) {
            throw new DeliveryException("Teams: HTTP " + status);
        }
        return Delivery.sent(card.get().headline(), null);
    }
}
