package com.powerpto.platform.security;

import com.powerpto.platform.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts the secrets a company gives us and we must use again (its payroll webhook HMAC
 * secret, its OIDC client secret): AES-256-GCM under {@code PTO_SECRETS_KEY} (32 random bytes,
 * base64; in AWS from Secrets Manager like JWT_SECRET). A hash would not do: HMAC verification
 * and the OIDC token request need the secret itself. The company id is bound as associated data,
 * so a ciphertext copied to another company's row does not decrypt.
 * <p>
 * Without a key (staging/production not yet configured) nothing can be stored: the routes that
 * would store a secret answer 409 and everything else keeps working.
 */
@Component
public class SecretBox {

    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(@Value("${pto.secrets-key:}") String base64Key) {
        this.key = parse(base64Key);
    }

    static SecretKeySpec parse(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(base64Key.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("PTO_SECRETS_KEY must be 32 bytes, base64-encoded (got " + bytes.length + ")");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean configured() {
        return key != null;
    }

    public String seal(String context, String plaintext) {
        requireKey();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    /** The plaintext; {@link IllegalStateException} when the key is missing or another key/context sealed it. */
    public String open(String context, String sealed) {
        if (key == null) {
            throw new IllegalStateException("PTO_SECRETS_KEY is not configured");
        }
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret (wrong PTO_SECRETS_KEY or context)", e);
        }
    }

    private void requireKey() {
        if (key == null) {
            throw ApiException.conflict("this server cannot store secrets: PTO_SECRETS_KEY is not configured");
        }
    }
}
