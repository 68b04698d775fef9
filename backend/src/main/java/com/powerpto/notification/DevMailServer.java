package com.powerpto.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The development SMTP server (GreenMail, in memory): started only in development, in mode
 * {@code all} (or when {@code pto.notifications.dev-smtp.enabled=true}), and only when SMTP_HOST
 * is unset. It keeps every message it receives so the development mailbox page can list them.
 */
public class DevMailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevMailServer.class);

    private final GreenMail greenMail;

    private DevMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static DevMailServer inactive() {
        return new DevMailServer(null);
    }

    static DevMailServer start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        log.info("development SMTP server (GreenMail) on 127.0.0.1:{}; messages at /api/dev/mailbox", server.getSmtp().getPort());
        return new DevMailServer(server);
    }

    public boolean active() {
        return greenMail != null;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** A received message as the mailbox page shows it. */
    public record Received(String messageId, String from, List<String> to, String subject, String text, String html,
                           java.time.Instant receivedAt) {
    }

    public List<Received> messages() {
        List<Received> out = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            out.add(MailContent.read(message));
        }
        return out;
    }

    @Override
    public void close() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    static List<String> addresses(Message message, Message.RecipientType type) throws jakarta.mail.MessagingException {
        List<String> list = new ArrayList<>();
        var addresses = message.getRecipients(type);
        if (addresses != null) {
            for (var a : addresses) {
                list.add(a.toString());
            }
        }
        return list;
    }
}
