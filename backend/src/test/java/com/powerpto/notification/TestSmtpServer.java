package com.powerpto.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** A real SMTP server (GreenMail) on a fixed free port of this JVM, which tests stop and start again. */
final class TestSmtpServer {

    static final int PORT = freePort();
    private static GreenMail server;

    private TestSmtpServer() {
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Messages received (since the server last started) addressed to this recipient. */
    static synchronized List<DevMailServer.Received> to(String email) {
        List<DevMailServer.Received> out = new ArrayList<>();
        if (server == null) {
            return out;
        }
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                for (var a : m.getRecipients(Message.RecipientType.TO)) {
                    if (a.toString().equalsIgnoreCase(email)) {
                        out.add(MailContent.read(m));
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
