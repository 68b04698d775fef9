package com.powerpto.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.logging.LogFields;
import com.powerpto.platform.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Establishes the {@link Caller} from a verified bearer token, or — only when
 * ENVIRONMENT=development — from the X-Company-Id / X-User-Id / X-Role headers.
 */
public class CallerAuthenticationFilter extends OncePerRequestFilter {

    private final TokenService tokens;
    private final CallerVerifier verifier;
    private final PtoProperties properties;
    private final ObjectMapper mapper;

    public CallerAuthenticationFilter(TokenService tokens, CallerVerifier verifier, PtoProperties properties, ObjectMapper mapper) {
        this.tokens = tokens;
        this.verifier = verifier;
        this.properties = properties;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerAuthentication caller;
        try {
            caller = resolve(request);
        } catch (TokenService.InvalidTokenException | IllegalArgumentException e) {
            ErrorResponses.write(response, mapper, HttpStatus.UNAUTHORIZED, "invalid_token", "invalid or expired credentials");
            return;
        }
        if (caller != null) {
            SecurityContextHolder.getContext().setAuthentication(caller);
            MDC.put(LogFields.COMPANY_ID, caller.getPrincipal().companyId().toString());
            MDC.put(LogFields.USER_ID, caller.getPrincipal().userId().toString());
        }
        chain.doFilter(request, response);
    }

    private CallerAuthentication resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new IllegalArgumentException("unsupported authorization scheme");
            }
            TokenService.VerifiedToken token = tokens.decode(authorization.substring(7).trim());
            verifier.verify(token);
            return new CallerAuthentication(token.caller(), token.issuedAt());
        }
        if (properties.isDevelopment() && request.getHeader("X-Company-Id") != null) {
            return new CallerAuthentication(new Caller(
                    UUID.fromString(required(request, "X-User-Id")),
                    UUID.fromString(request.getHeader("X-Company-Id").trim()),
                    Role.parse(request.getHeader("X-Role"))));
        }
        return null;
    }

    private static String required(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(header + " is required with X-Company-Id");
        }
        return value.trim();
    }
}
