package com.powerpto.auth;

import com.powerpto.platform.config.PtoProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request came from, for throttling and security log lines. The socket address,
 * unless X-Forwarded-For is trusted ({@code pto.auth.trust-forwarded-for}; by default outside
 * development, where only the ALB can reach the API tasks): then the right-most entry, which is
 * the one the ALB appended. Entries to its left are whatever the client sent and are ignored.
 */
@Component
public class ClientAddress {

    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final boolean trustForwardedFor;

    public ClientAddress(PtoProperties properties,
                         @Value("${pto.auth.trust-forwarded-for:#{null}}") Boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor != null ? trustForwardedFor : !properties.isDevelopment();
    }

    public boolean trustsForwardedFor() {
        return trustForwardedFor;
    }

    public String of(HttpServletRequest request) {
        if (trustForwardedFor) {
            String forwarded = lastForwarded(request);
            if (forwarded != null) {
                return forwarded;
            }
        }
        return request.getRemoteAddr();
    }

    private static String lastForwarded(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("X-Forwarded-For"));
        for (int h = headers.size() - 1; h >= 0; h--) {
            String[] parts = headers.get(h).split(",");
            for (int p = parts.length - 1; p >= 0; p--) {
                String candidate = parts[p].trim();
                if (!candidate.isEmpty()) {
                    return IP.matcher(candidate).matches() ? candidate : null;
                }
            }
        }
        return null;
    }
}
