package com.powerpto.platform.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation of an e-mail address used for storage (email_key columns, unique per
 * company), sign-in lookup, finding the SSO candidate and the login throttle: trimmed, Unicode
 * NFKC, then lower case with {@link Locale#ROOT} (never the JVM's or the database's locale, where
 * 'I' may lower to 'ı'). NFKC folds distinct mailboxes together ("ｖａｌ６" and "val6"), so where
 * an outside party vouches for an address (single sign-on) {@link #sameAddress} decides.
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

    /** The same address but for letter case ({@link Locale#ROOT}) and surrounding spaces; no Unicode folding. */
    public static boolean sameAddress(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
