package com.powerpto.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (SES in production). An event row is rendered now ({@link MessageRenderer}); a
 * row of the previous release is sent with its stored bodies. The Message-ID is the row's, so a
 * row sent again after a lost commit can be recognised as a duplicate by the receiving side.
 */
@Component
class EmailSender {

    private final MailConfig.MailSettings mail;
    private final MessageRenderer renderer;

    EmailSender(MailConfig.MailSettings mail, MessageRenderer renderer) {
        this.mail = mail;
        this.renderer = renderer;
    }

    boolean ready() {
        return mail.configured();
    }

    ChannelSender.Delivery deliver(NotificationRepository.OutboxRow row) throws ChannelSender.DeliveryException {
        String to;
        String subject;
        String text;
        String html;
        if (row.legacy()) {
            to = row.recipientEmail();
            subject = row.subject();
            text = row.bodyText();
            html = row.bodyHtml();
        } else {
            var email = renderer.email(row);
            if (email.isEmpty()) {
                return ChannelSender.Delivery.skipped("the recipient no longer exists");
            }
            to = email.get().to();
            subject = email.get().message().subject();
            text = email.get().message().text();
            html = email.get().message().html();
        }
        try {
            mail.sender().send(mime(row.messageId(), to, subject, text, html));
        } catch (MailException | MessagingException e) {
            throw new ChannelSender.DeliveryException(describe(e), e);
        }
        return ChannelSender.Delivery.sent(subject, to);
    }

    private MimeMessage mime(String messageId, String to, String subject, String text, String html) throws MessagingException {
        MimeMessage message = new StableIdMessage(mail.sender().getSession(), messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(mail.from());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text, html);
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (cause != e ? " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")" : "");
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /** A MimeMessage whose Message-ID is the outbox row's, whatever saveChanges() does. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
