package com.powerpto.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;

/** Reads the plain-text and HTML parts back out of a received message (development mailbox, tests). */
public final class MailContent {

    private MailContent() {
    }

    public static DevMailServer.Received read(MimeMessage message) {
        try {
            String[] parts = new String[2];
            collect(message, parts);
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : null;
            return new DevMailServer.Received(message.getMessageID(),
                    message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString(),
                    DevMailServer.addresses(message, Message.RecipientType.TO), message.getSubject(), parts[0], parts[1],
                    received);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message: " + e.getMessage(), e);
        }
    }

    private static void collect(Part part, String[] parts) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && parts[0] == null) {
            parts[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html") && parts[1] == null) {
            parts[1] = (String) part.getContent();
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, parts);
            }
        }
    }
}
