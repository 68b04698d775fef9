package com.powerpto.platform.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Spring Security view of a {@link Caller}. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Instant signedInAt;

    public CallerAuthentication(Caller caller) {
        this(caller, null);
    }

    /** {@code signedInAt}: when the bearer token was issued (tokens are never refreshed); null for development headers. */
    public CallerAuthentication(Caller caller, Instant signedInAt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name())));
        this.caller = caller;
        this.signedInAt = signedInAt;
        setAuthenticated(true);
    }

    /** When the current request's caller signed in, if the request carries a bearer token. */
    public static Optional<Instant> currentSignIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication c
                ? Optional.ofNullable(c.signedInAt) : Optional.empty();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
