package com.powerpto.sso;

import com.powerpto.auth.ClientAddress;
import com.powerpto.platform.security.SharedRateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits the anonymous single sign-on start ({@code GET /api/auth/oidc/start/{cid}}) per company
 * and per client address, in buckets every API task shares (issue 25, finding 3). A start beyond
 * the budget lands on the sign-in page with {@code #error=too_many_attempts} (and Retry-After),
 * like every other refusal of this browser route. Runs in the security chain before Spring's
 * authorization redirect ({@link OidcLogin}); not a bean, so it is not also a servlet filter.
 */
class SsoStartLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SsoStartLimit.class);
    private static final int MAX_KEY = 64;

    private final SharedRateLimits limits;
    private final ClientAddress clientAddress;
    private final int perCompany;
    private final int perAddress;
    private final Duration window;

    SsoStartLimit(SharedRateLimits limits, ClientAddress clientAddress, int perCompany, int perAddress, Duration window) {
        this.limits = limits;
        this.clientAddress = clientAddress;
        this.perCompany = perCompany;
        this.perAddress = perAddress;
        this.window = window;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(SsoService.START_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String company = request.getRequestURI().substring(SsoService.START_PATH.length());
        company = company.length() > MAX_KEY ? company.substring(0, MAX_KEY) : company;
        String address = clientAddress.of(request);
        Optional<Long> wait = limits.take("sso-start-address:" + address, perAddress, window);
        if (wait.isEmpty()) {
            wait = limits.take("sso-start-company:" + company, perCompany, window);
        }
        if (wait.isPresent()) {
            log.info("single sign-on start for {} from {} refused: too many starts", company, address);
            response.setHeader("Retry-After", Long.toString(wait.get()));
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", OidcLogin.LANDING + "#error=too_many_attempts");
            return;
        }
        chain.doFilter(request, response);
    }
}
