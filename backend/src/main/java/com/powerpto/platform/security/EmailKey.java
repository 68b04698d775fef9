package com.powerpto.platform.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation of an e-mail address used for storage (email_key columns), sign-in
 * lookup, SSO matching and the login throttle: trimmed, Unicode NFKC, then lower case with
 * {@link Locale#ROOT} (never the JVM's or the database's locale, where 'I' may lower to 'ı').
 */
public final class EmailKey {

    private EmailKey() {
    }

    public static String of(String email) {
        if (email == null) {
            return null;
        }
        return Normalizer.normalize(email.trim(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
