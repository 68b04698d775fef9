package com.powerpto.payroll;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code X-Payroll-Signature: sha256=<hex>}. Since issue 16 the HMAC-SHA256 covers
 * {@code <X-Payroll-Timestamp> "." <raw body>} (Unix seconds), so a captured request cannot be
 * replayed outside the window; the legacy form (HMAC of the raw body alone) is still understood.
 */
public final class PayrollSignature {

    public static final String HEADER = "X-Payroll-Signature";
    public static final String TIMESTAMP_HEADER = "X-Payroll-Timestamp";
    private static final String PREFIX = "sha256=";

    private PayrollSignature() {
    }

    public static String sign(byte[] body, String secret) {
        return PREFIX + HexFormat.of().formatHex(hmac(body, secret));
    }

    /** The signature of a timestamped request: HMAC of {@code timestamp + "." + body}. */
    public static String sign(String timestamp, byte[] body, String secret) {
        return sign(timestamped(timestamp, body), secret);
    }

    public static boolean verify(String timestamp, byte[] body, String header, String secret) {
        return timestamp != null && verify(timestamped(timestamp, body), header, secret);
    }

    private static byte[] timestamped(String timestamp, byte[] body) {
        byte[] prefix = (timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] raw = body == null ? new byte[0] : body;
        byte[] all = java.util.Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, all, prefix.length, raw.length);
        return all;
    }

    /** Constant-time check; false for a missing header, a blank secret or a malformed value. */
    public static boolean verify(byte[] body, String header, String secret) {
        if (header == null || secret == null || secret.isEmpty()) {
            return false;
        }
        String value = header.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(body, secret), given);
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
