package com.powerpto.platform.security;

/**
 * A last check on a token's caller beyond its signature (e.g. the account still exists and is
 * active). Throws {@link TokenService.InvalidTokenException}-compatible IllegalArgumentException to refuse.
 */
@FunctionalInterface
public interface CallerVerifier {

    void verify(Caller caller);

    /** The full check with what the token says beyond the caller (session generation, issue time). */
    default void verify(TokenService.VerifiedToken token) {
        verify(token.caller());
    }
}
