package com.powerpto.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** Lets a feature add a sign-in mechanism (e.g. OpenID Connect) to the one security filter chain. */
@FunctionalInterface
public interface LoginCustomizer {

    void customize(HttpSecurity http) throws Exception;
}
