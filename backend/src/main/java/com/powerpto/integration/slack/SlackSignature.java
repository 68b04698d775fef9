package com.powerpto.integration.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Slack's request signature (v0): {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:" + timestamp
 * + ":" + raw body, keyed with the app's signing secret>} and {@code X-Slack-Request-Timestamp} (Unix
 * seconds). A request more than 5 minutes from our clock is refused; the comparison is constant-time.
 * Pure: no Spring, no I/O.
 */
public final class SlackSignature {

    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private SlackSignature() {
    }

    /** Why a request was refused, or VALID. */
    public enum Check { VALID, MISSING, STALE, MISMATCH }

    public static Check check(String signingSecret, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || signature == null || body == null) {
            return Check.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Check.MISSING;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > WINDOW.toSeconds()) {
            return Check.STALE;
        }
        byte[] expected = sign(signingSecret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII)) ? Check.VALID : Check.MISMATCH;
    }

    /** The header value Slack sends for this body and timestamp. */
    public static String sign(String signingSecret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
            byte[] base = ByteBuffer.allocate(prefix.length + body.length).put(prefix).put(body).array();
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(base));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
