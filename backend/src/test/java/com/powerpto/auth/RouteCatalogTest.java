package com.powerpto.auth;

import com.powerpto.platform.security.Role;
import com.powerpto.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@link RouteCatalog} honest: well-formed, and holding every /api route the application serves. */
class RouteCatalogTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void entriesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (RouteCatalog.Route route : RouteCatalog.ROUTES) {
            assertThat(seen.add(RouteCatalog.shape(route.method(), route.path()))).as("duplicate " + route).isTrue();
            assertThat(route.method()).isIn("GET", "POST", "PUT", "DELETE");
            assertThat(route.path()).startsWith("/").doesNotContain("?");
            assertThat(route.path().startsWith("/api/") || route.path().equals("/health") || route.path().equals("/health/live"))
                    .as(route.toString()).isTrue();
            for (Role role : Role.values()) {
                assertThat(route.access(role)).as(route + " " + role).isNotNull();
            }
            assertThat(route.access(Role.ADMIN) == RouteCatalog.Access.DENY).as("admins may do everything: " + route).isFalse();
        }
        RouteCatalog.Route account = RouteCatalog.ROUTES.stream()
                .filter(r -> r.path().endsWith("/account") && r.method().equals("PUT")).findFirst().orElseThrow();
        UUID cid = UUID.randomUUID();
        UUID eid = UUID.randomUUID();
        assertThat(account.expand(Map.of("cid", cid, "eid", eid)))
                .isEqualTo("/api/companies/" + cid + "/employees/" + eid + "/account");
        assertThat(account.companyScoped()).isTrue();
    }

    @Test
    void everyApiRouteTheApplicationServesIsInTheCatalog() {
        Set<String> catalog = new HashSet<>();
        RouteCatalog.ROUTES.forEach(r -> catalog.add(RouteCatalog.shape(r.method(), r.path())));
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("com.powerpto")) {
                continue; // springdoc's own endpoints
            }
            RequestMappingInfo info = entry.getKey();
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            List<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (String method : methods.isEmpty() ? List.of("GET") : methods) {
                    String shape = RouteCatalog.shape(method, pattern);
                    if (!catalog.contains(shape)) {
                        missing.add(shape + "  (" + entry.getValue().getBeanType().getSimpleName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("routes served but not in the contract: add them to docs/api-extensions.md and RouteCatalog")
                .isEmpty();
    }
}
