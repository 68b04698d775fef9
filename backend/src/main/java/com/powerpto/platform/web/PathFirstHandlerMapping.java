package com.powerpto.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring MVC's handler lookup, asking each route's path first, and remembering which routes a
 * path's shape can reach (issue 27).
 *
 * <p>A request whose path has variables is compared with every mapped route, and Spring MVC checks
 * a route's HTTP methods (request method, CORS pre-flight test) before its path: per route a few
 * calls through every request wrapper the filters added. Across the API's routes that was a third
 * of a balance read's CPU. Here a route is only fully checked — by Spring MVC, unchanged — if its
 * path matches; and which routes a path matches is remembered per <em>shape</em>: the path with
 * each UUID segment replaced by a placeholder. That is sound because no route has a UUID literal
 * or a regular-expression variable (a {@code {name}} segment takes any UUID alike), so two paths of
 * one shape match exactly the same routes. Shapes are bounded ({@value #MAX_SHAPES}); past that,
 * paths are matched route by route as without the memory. Same routes, same best match, same
 * 404/405/406/415 answers.
 */
public class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    static final int MAX_SHAPES = 4096;
    private static final String UUID_PLACEHOLDER = "\u0000";

    private final Map<String, Set<RequestMappingInfo>> routesByShape = new ConcurrentHashMap<>();
    /** The routes the current request's path matches, while Spring MVC looks its handler up. */
    private final ThreadLocal<Set<RequestMappingInfo>> pathMatches = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Set<RequestMappingInfo> routes = routesMatching(lookupPath, request);
        if (routes == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        pathMatches.set(routes);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            pathMatches.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Set<RequestMappingInfo> routes = pathMatches.get();
        boolean matches = routes != null ? routes.contains(info) : pathMatches(info, request);
        return matches ? super.getMatchingMapping(info, request) : null;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        routesByShape.clear();
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        routesByShape.clear();
    }

    /** The routes whose path matches this request's, or null when its shape is not remembered. */
    private Set<RequestMappingInfo> routesMatching(String lookupPath, HttpServletRequest request) {
        String shape = shape(lookupPath);
        Set<RequestMappingInfo> routes = routesByShape.get(shape);
        if (routes != null || routesByShape.size() >= MAX_SHAPES) {
            return routes;
        }
        // By identity: the registry hands the same info objects to getMatchingMapping, and
        // RequestMappingInfo.equals compares every condition.
        routes = Collections.newSetFromMap(new IdentityHashMap<>());
        for (RequestMappingInfo info : getHandlerMethods().keySet()) {
            if (pathMatches(info, request)) {
                routes.add(info);
            }
        }
        routes = Collections.unmodifiableSet(routes);
        routesByShape.putIfAbsent(shape, routes);
        return routes;
    }

    private static boolean pathMatches(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        return paths == null || paths.getMatchingCondition(request) != null;
    }

    /** The path with every UUID segment replaced by one placeholder. */
    static String shape(String path) {
        StringBuilder shape = null;
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end - start == 36 && isUuid(path, start)) {
                if (shape == null) {
                    shape = new StringBuilder(path.length()).append(path, 0, start);
                }
                shape.append(UUID_PLACEHOLDER);
            } else if (shape != null) {
                shape.append(path, start, end);
            }
            if (end < path.length() && shape != null) {
                shape.append('/');
            }
            start = end + 1;
        }
        return shape == null ? path : shape.toString();
    }

    private static boolean isUuid(String path, int start) {
        for (int i = 0; i < 36; i++) {
            char c = path.charAt(start + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }
}
