package com.powerpto.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** The worker process listens on 8000 only for its container health check: no API there. */
@Component
@ConditionalOnProperty(name = "pto.api.enabled", havingValue = "false")
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ApiDisabledFilter extends OncePerRequestFilter {

    private final ObjectMapper mapper;

    public ApiDisabledFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/") && !uri.equals("/api/health") && !uri.equals("/api/health/live")) {
            ErrorResponses.write(response, mapper, HttpStatus.NOT_FOUND, "api_disabled", "this process serves no API (worker mode)");
            return;
        }
        chain.doFilter(request, response);
    }
}
