package com.powerpto.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.config.PtoProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies over {@code pto.max-body-bytes} (413), whether they declare a length or stream.
 * CSV imports ({@code /api/companies/{cid}/imports/…}, up to 10,000 rows) get their own, larger
 * but still bounded limit, {@code pto.max-import-bytes}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final java.util.regex.Pattern IMPORT_PATH = java.util.regex.Pattern.compile("^/api/companies/[^/]+/imports/[^/]+$");

    private final long defaultMaxBytes;
    private final long importMaxBytes;
    private final ObjectMapper mapper;

    public BodySizeLimitFilter(PtoProperties properties, ObjectMapper mapper,
                               @org.springframework.beans.factory.annotation.Value("${pto.max-import-bytes:8388608}") long importMaxBytes) {
        this.defaultMaxBytes = properties.maxBodyBytes();
        this.importMaxBytes = importMaxBytes;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = IMPORT_PATH.matcher(request.getRequestURI()).matches() ? importMaxBytes : defaultMaxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            ErrorResponses.write(response, mapper, HttpStatus.PAYLOAD_TOO_LARGE,
                    "request body is too large (limit " + maxBytes + " bytes)");
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    public static class BodyTooLargeException extends ApiException {
        BodyTooLargeException(long limit) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, "request body is too large (limit " + limit + " bytes)");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
