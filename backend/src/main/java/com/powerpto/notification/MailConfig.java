package com.powerpto.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Properties;

/**
 * SMTP from SMTP_HOST / SMTP_PORT / SMTP_USERNAME / SMTP_PASSWORD (Amazon SES in production). With
 * SMTP_HOST unset, development in mode {@code all} starts {@link DevMailServer} and sends to it;
 * anywhere else messages stay queued (and a warning says why) until SMTP is configured.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfig {

    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    /** How the process sends mail: {@code sender} is null when there is nowhere to send. */
    public record MailSettings(JavaMailSenderImpl sender, String from) {
        public boolean configured() {
            return sender != null;
        }
    }

    @Bean(destroyMethod = "close")
    DevMailServer devMailServer(@Value("${pto.environment:development}") String environment,
                                @Value("${pto.mode:}") String mode,
                                @Value("${pto.notifications.smtp.host:}") String host,
                                @Value("${pto.notifications.dev-smtp.enabled:}") String enabled,
                                @Value("${pto.notifications.dev-smtp.port:3025}") int port) {
        boolean wanted = enabled.isBlank() ? "ALL".equals(mode) : Boolean.parseBoolean(enabled);
        if (!wanted || !host.isBlank() || !"development".equals(environment)) {
            return DevMailServer.inactive();
        }
        try {
            return DevMailServer.start(port);
        } catch (RuntimeException e) {
            log.warn("development SMTP server could not start on port {} ({}); trying a free port", port, e.getMessage());
            return DevMailServer.start(0);
        }
    }

    @Bean
    MailSettings mailSettings(DevMailServer dev,
                              @Value("${pto.notifications.smtp.host:}") String host,
                              @Value("${pto.notifications.smtp.port:587}") int port,
                              @Value("${pto.notifications.smtp.username:}") String username,
                              @Value("${pto.notifications.smtp.password:}") String password,
                              @Value("${pto.notifications.mail-from:Power PTO <no-reply@localhost>}") String from,
                              @Value("${pto.notifications.smtp.timeout-ms:10000}") int timeoutMs) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        Properties props = sender.getJavaMailProperties();
        // A send runs while the outbox row is locked: never wait long on a slow server.
        props.put("mail.smtp.connectiontimeout", String.valueOf(Math.min(timeoutMs, 5000)));
        props.put("mail.smtp.timeout", String.valueOf(timeoutMs));
        props.put("mail.smtp.writetimeout", String.valueOf(timeoutMs));
        sender.setDefaultEncoding("UTF-8");
        if (!host.isBlank()) {
            sender.setHost(host);
            sender.setPort(port);
            if (!username.isBlank()) {
                sender.setUsername(username);
                sender.setPassword(password);
                props.put("mail.smtp.auth", "true");
                // SES (and any server we give credentials to) only over TLS.
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            return new MailSettings(sender, from);
        }
        if (dev.active()) {
            sender.setHost("127.0.0.1");
            sender.setPort(dev.port());
            return new MailSettings(sender, from);
        }
        log.warn("SMTP_HOST is not set: e-mail notifications stay queued in the outbox until it is");
        return new MailSettings(null, from);
    }
}
