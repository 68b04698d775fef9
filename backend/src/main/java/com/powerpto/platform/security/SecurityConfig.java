package com.powerpto.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.web.ErrorResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;

/** Stateless bearer-token security; route-level role rules live with each controller via {@link Caller}. */
@Configuration(proxyBeanMethods = false)
// One-shot modes (reconcile, migrate) run without a web server, where HttpSecurity does not exist.
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SecurityConfig {

    /** Routes anyone may call; everything else under /api needs a caller. */
    static final String[] PUBLIC_API = {
            "/api/health", "/api/health/live", "/api/auth/login", "/api/auth/accept-invite", "/api/webhooks/**", "/api/calendar/**",
            "/api/auth/sso", "/api/auth/oidc/**", "/api/integrations/slack/interactions",
            "/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**", "/api/swagger-ui/**"};

    /**
     * No Micrometer observation around each security filter, authentication and authorization
     * (issue 27): with an observation registry present Spring Security wraps every filter of the
     * chain in its own observation, on every request, for metrics nobody reads. The request itself
     * stays observed (http.server.requests) and every refusal is still answered and logged.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Path patterns matched on the request path alone (issue 27): string patterns would be MVC
     * matchers, which ask Spring MVC which handler serves the request — see
     * {@link SecurityChainWithoutHandlerLookup}. No rule here depends on the handler.
     */
    static RequestMatcher[] paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return Arrays.stream(patterns).map(builder::matcher).toArray(RequestMatcher[]::new);
    }

    @Bean
    static BeanPostProcessor securityChainWithoutHandlerLookup() {
        return new SecurityChainWithoutHandlerLookup();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenService tokens,
                                            ObjectProvider<CallerVerifier> verifier,
                                            ObjectProvider<LoginCustomizer> logins,
                                            PtoProperties properties, ObjectMapper mapper) throws Exception {
        CallerVerifier check = verifier.getIfAvailable(() -> caller -> { });
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Our own CORS filter (same place in the chain) so that refusals answer in JSON.
                .cors(AbstractHttpConfigurer::disable)
                .addFilterAfter(CorsSetup.filter(properties, mapper),
                        org.springframework.security.web.header.HeaderWriterFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)))
                .addFilterBefore(new CallerAuthenticationFilter(tokens, check, properties, mapper), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(paths(PUBLIC_API)).permitAll()
                        .requestMatchers(paths("/api/**")).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                ErrorResponses.write(response, mapper, HttpStatus.UNAUTHORIZED, "authentication required"))
                        .accessDeniedHandler((request, response, ex) ->
                                ErrorResponses.write(response, mapper, HttpStatus.FORBIDDEN, "not allowed")));
        for (LoginCustomizer login : logins.orderedStream().toList()) {
            login.customize(http);
        }
        return http.build();
    }

}
