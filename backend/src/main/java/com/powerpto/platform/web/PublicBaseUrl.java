package com.powerpto.platform.web;

import com.powerpto.platform.config.PtoProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.regex.Pattern;

/**
 * The web UI's address for links that leave the app (e-mails, chat messages, calendar feed URLs).
 * Staging and production use {@code APP_BASE_URL} (required there, see StartupCheck). In
 * development without {@code APP_BASE_URL} the UI is served wherever the developer runs it (the
 * API's port, Vite's 5173, an e2e port), so a link made while serving a request uses that request's
 * origin: its {@code Origin} header, else the address it was sent to; without a request (the
 * worker's jobs) {@code http://localhost:<PORT>}. An explicit {@code APP_BASE_URL} always wins.
 * Whoever keeps a link for later (the outbox) stores the value, since the worker has no request.
 */
@Component
public class PublicBaseUrl {

    private static final Pattern ORIGIN = Pattern.compile("^https?://[A-Za-z0-9.\\-\\[\\]:]{1,253}$");

    private final boolean fromRequests;
    private final String configured;

    public PublicBaseUrl(PtoProperties properties, @Value("${pto.notifications.base-url:}") String configured,
                         @Value("${server.port:8000}") int port) {
        this.fromRequests = properties.isDevelopment() && (configured == null || configured.isBlank());
        this.configured = trim(configured == null || configured.isBlank() ? "http://localhost:" + port : configured);
    }

    /** The configured APP_BASE_URL, without a trailing slash. */
    public String configured() {
        return configured;
    }

    /** The base for a link made now. */
    public String current() {
        if (!fromRequests) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String fromRequest = of(attributes.getRequest());
            if (fromRequest != null) {
                return fromRequest;
            }
        }
        return configured;
    }

    /** The origin a browser called us from, or the address the request was sent to; null when neither is usable. */
    static String of(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && ORIGIN.matcher(origin.trim()).matches()) {
            return origin.trim();
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        String host = request.getServerName();
        if (host != null && host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        String own = scheme + "://" + host + (defaultPort ? "" : ":" + port);
        return ORIGIN.matcher(own).matches() ? own : null;
    }

    private static String trim(String url) {
        String value = url.trim();
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
