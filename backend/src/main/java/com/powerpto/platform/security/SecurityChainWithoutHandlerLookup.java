package com.powerpto.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.util.ServletRequestPathUtils;

import java.io.IOException;
import java.util.List;

/**
 * Serves Spring Security's filter chains without the Spring MVC handler lookup in front of them
 * (issue 27). With Spring MVC present, Spring Security wraps its proxy in one whose first filter
 * resolves, for every request and eagerly, which MVC handler would serve it
 * (HandlerMappingIntrospector's cache, kept for MVC request matchers and an MVC-based CORS source).
 * This application uses neither: its rules are path patterns ({@link SecurityConfig#paths}) and its
 * CORS filter has its own configuration. So the same chains are served by a plain proxy that only
 * parses the request path once for the path-pattern matchers, and the handler is resolved once per
 * request, by the DispatcherServlet. The eager copy was 10.5 % of a balance read's API samples.
 */
public final class SecurityChainWithoutHandlerLookup implements BeanPostProcessor {

    static final String BEAN = "springSecurityFilterChain";

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!BEAN.equals(name) || !(bean instanceof FilterChainProxy wrapped) || bean instanceof PathParsingChainProxy) {
            return bean;
        }
        PathParsingChainProxy plain = new PathParsingChainProxy(wrapped.getFilterChains());
        plain.afterPropertiesSet();
        return plain;
    }

    /** The chains, with the request path parsed once for the path-pattern matchers (as Spring Security's own wrapper does). */
    public static final class PathParsingChainProxy extends FilterChainProxy {

        PathParsingChainProxy(List<SecurityFilterChain> chains) {
            super(chains);
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            if (ServletRequestPathUtils.hasParsedRequestPath(http)) {
                super.doFilter(request, response, chain);
                return;
            }
            RequestPath path = ServletRequestPathUtils.parseAndCache(http);
            try {
                super.doFilter(request, response, chain);
            } finally {
                if (ServletRequestPathUtils.getParsedRequestPath(http) == path) {
                    ServletRequestPathUtils.clearParsedRequestPath(http);
                }
            }
        }
    }
}
