package com.powerpto.sso;

import java.util.regex.Pattern;

/**
 * Login CSRF (issue 25, finding 12): the sign-in page makes a random value, keeps it in the tab
 * ({@code sessionStorage}) and sends it to the start ({@code ?tab_nonce=}); it travels sealed in
 * the authorization cookie and comes back next to the token in the landing page's fragment. The
 * landing page accepts a token only with the value its own tab holds, so a link carrying someone
 * else's {@code #access_token=} cannot sign a person into the wrong account.
 */
final class TabNonce {

    static final String PARAMETER = "tab_nonce";
    /** The authorization request's attribute that carries it through the provider's round trip. */
    static final String ATTRIBUTE = "pto_tab_nonce";
    private static final Pattern FORM = Pattern.compile("^[A-Za-z0-9_-]{22,128}$");

    private TabNonce() {
    }

    /** At least 128 bits in base64url (the page sends 256). */
    static boolean valid(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
