package com.powerpto.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Refuses (406) a call whose {@code Accept} header rules out JSON <em>before</em> its handler
 * runs. Without it Spring negotiates the answer only after the handler returned, so a write
 * (say an adjustment sent with {@code Accept: text/csv}) was committed and the client was told 406.
 * Handlers that write their own representation (void, e.g. the CSV export) are left alone.
 */
@Configuration(proxyBeanMethods = false)
public class AcceptBeforeWriteConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotAcceptableException {
                String accept = request.getHeader(HttpHeaders.ACCEPT);
                if (accept == null || accept.isBlank() || !(handler instanceof HandlerMethod method)
                        || method.isVoid() || !method.getBeanType().getName().startsWith("com.powerpto.")) {
                    return true;
                }
                List<MediaType> accepted;
                try {
                    accepted = MediaType.parseMediaTypes(accept);
                } catch (InvalidMediaTypeException e) {
                    throw new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header");
                }
                if (accepted.isEmpty() || accepted.stream().anyMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
                    return true;
                }
                throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
            }
        });
    }
}
