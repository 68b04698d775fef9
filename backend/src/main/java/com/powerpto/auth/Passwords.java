package com.powerpto.auth;

import com.powerpto.platform.web.ApiException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Password rules and storage. Hashes are bcrypt (cost 12) over an HMAC-SHA256 pre-hash of the
 * password, stored as {@code {bcrypt-sha256}$2a$12$...}: the pre-hash lifts bcrypt's 72-byte input
 * limit (passwords may be 128 characters) and its fixed key stops "shucking" with plain SHA-256
 * lists. Argon2 would need BouncyCastle, which is not on the classpath; the {@code {id}} prefix
 * lets a later release move to it and re-hash on the next successful sign-in.
 */
@Component
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final int BCRYPT_STRENGTH = 12;
    static final String ENCODING_ID = "bcrypt-sha256";

    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    /**
     * A real hash of a random password: checked against when there is no account, so timing says nothing.
     * Made on the first check, not at start-up: one bcrypt at cost 12 takes seconds on a quarter vCPU,
     * on the critical path of every task start (decision 0066). Every first check, whatever the account,
     * pays for it, so that first answer says nothing either.
     */
    private volatile String dummyHash;

    public Passwords() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(BCRYPT_STRENGTH, random);
        this.encoder = new DelegatingPasswordEncoder(ENCODING_ID,
                Map.of(ENCODING_ID, new PreHashedBcrypt(bcrypt), "bcrypt", bcrypt));
    }

    /** The dummy hash if it has been made (tests: not at construction). */
    String dummyHashIfMade() {
        return dummyHash;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                hash = dummyHash;
                if (hash == null) {
                    byte[] noise = new byte[24];
                    random.nextBytes(noise);
                    hash = encoder.encode(Base64.getEncoder().encodeToString(noise));
                    dummyHash = hash;
                }
            }
        }
        return hash;
    }

    /** 422 unless the password fits the rules (10–128 characters). */
    public static void validate(String field, String password) {
        if (password == null) {
            throw ApiException.invalid(field, "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw ApiException.invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw ApiException.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw ApiException.invalid(field, "must not be only spaces");
        }
    }

    public String hash(String rawPassword) {
        return encoder.encode(rawPassword);
    }

    /**
     * Whether the password matches the stored hash. A missing or unreadable hash costs the same
     * time as a real check and answers false.
     */
    public boolean matches(String rawPassword, String storedHash) {
        String dummy = dummyHash();
        if (rawPassword == null) {
            rawPassword = "";
        }
        if (storedHash == null) {
            encoder.matches(rawPassword, dummy);
            return false;
        }
        try {
            return encoder.matches(rawPassword, storedHash);
        } catch (IllegalArgumentException unreadable) {
            encoder.matches(rawPassword, dummy);
            return false;
        }
    }

    /** Spend the time of one check when there is nothing to check against. */
    public void burn(String rawPassword) {
        matches(rawPassword, null);
    }

    public boolean needsRehash(String storedHash) {
        try {
            return storedHash != null && encoder.upgradeEncoding(storedHash);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** bcrypt over base64(HMAC-SHA256(fixed key, password)): 44 ASCII characters, no NULs. */
    static final class PreHashedBcrypt implements PasswordEncoder {

        private static final byte[] KEY = "power-pto/bcrypt-sha256/v1".getBytes(StandardCharsets.UTF_8);
        private final BCryptPasswordEncoder bcrypt;

        PreHashedBcrypt(BCryptPasswordEncoder bcrypt) {
            this.bcrypt = bcrypt;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(preHash(rawPassword));
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return bcrypt.matches(preHash(rawPassword), encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return bcrypt.upgradeEncoding(encodedPassword);
        }

        static String preHash(CharSequence rawPassword) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
                byte[] digest = mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(digest);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }
    }
}
