package com.powerpto.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Outermost filter: takes or makes the request id, echoes it, and logs one line per request with
 * its duration. It logs the method and path only: never headers, bodies or query strings.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLoggingFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger log = LoggerFactory.getLogger("com.powerpto.http");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String incoming = request.getHeader(HEADER);
        String requestId = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : newRequestId();
        MDC.put(LogFields.REQUEST_ID, requestId);
        response.setHeader(HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.put(LogFields.DURATION_MS, Long.toString((System.nanoTime() - started) / 1_000_000));
            if (shouldLog(request)) {
                log.info("{} {} {}", request.getMethod(), request.getRequestURI(), response.getStatus());
            }
            MDC.clear();
        }
    }

    /**
     * A random version-4 UUID from the thread's own generator: a request id names a request in the
     * logs and is no secret, so it needs neither SecureRandom nor its lock, which every request
     * thread took in turn (issue 27).
     */
    static String newRequestId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = random.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x0000000000004000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static boolean shouldLog(HttpServletRequest request) {
        String uri = request.getRequestURI();
        boolean probe = uri.equals("/health") || uri.equals("/api/health")
                || uri.equals("/health/live") || uri.equals("/api/health/live");
        return !probe || log.isDebugEnabled();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
