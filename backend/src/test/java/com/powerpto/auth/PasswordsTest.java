package com.powerpto.auth;

import com.powerpto.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {

    private static final Passwords PASSWORDS = new Passwords();

    @Test
    void hashesAreSaltedBcryptCost12OverAPreHash() {
        String first = PASSWORDS.hash("correct horse battery");
        String second = PASSWORDS.hash("correct horse battery");
        assertThat(first).startsWith("{bcrypt-sha256}$2a$12$").isNotEqualTo(second).doesNotContain("horse");
        assertThat(PASSWORDS.matches("correct horse battery", first)).isTrue();
        assertThat(PASSWORDS.matches("correct horse battery", second)).isTrue();
        assertThat(PASSWORDS.matches("correct horse batterz", first)).isFalse();
        assertThat(PASSWORDS.needsRehash(first)).isFalse();
    }

    @Test
    void everyCharacterCountsBeyondBcrypts72Bytes() {
        String prefix = "é".repeat(60); // 120 bytes of UTF-8
        String hash = PASSWORDS.hash(prefix + "A");
        assertThat(PASSWORDS.matches(prefix + "A", hash)).isTrue();
        assertThat(PASSWORDS.matches(prefix + "B", hash)).isFalse();
    }

    @Test
    void missingOrForeignHashesNeverMatch() {
        assertThat(PASSWORDS.matches("anything at all", null)).isFalse();
        assertThat(PASSWORDS.matches("anything at all", "plaintext")).isFalse();
        assertThat(PASSWORDS.matches("anything at all", "{md5}abc")).isFalse();
        assertThat(PASSWORDS.matches(null, PASSWORDS.hash("anything at all"))).isFalse();
    }

    @Test
    void olderPlainBcryptHashesStillMatchAndAreUpgraded() {
        String legacy = "{bcrypt}" + new BCryptPasswordEncoder(10).encode("legacy password");
        assertThat(PASSWORDS.matches("legacy password", legacy)).isTrue();
        assertThat(PASSWORDS.needsRehash(legacy)).isTrue();
    }

    @Test
    void lengthRules() {
        Passwords.validate("password", "0123456789");
        Passwords.validate("password", "x".repeat(128));
        Passwords.validate("password", "😀".repeat(128));
        assertThatThrownBy(() -> Passwords.validate("password", "012345678")).isInstanceOf(ApiException.class)
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> Passwords.validate("password", "x".repeat(129))).hasMessageContaining("at most 128");
        assertThatThrownBy(() -> Passwords.validate("password", " ".repeat(12))).hasMessageContaining("spaces");
        assertThatThrownBy(() -> Passwords.validate("password", null)).hasMessageContaining("required");
    }

    @Test
    void theDummyHashIsMadeOnTheFirstCheckNotAtStartUp() {
        Passwords passwords = new Passwords();
        assertThat(passwords.dummyHashIfMade()).as("no bcrypt on the start-up path (decision 0066)").isNull();
        String stored = passwords.hash("a-long-enough-password");
        assertThat(passwords.matches("a-long-enough-password", stored)).isTrue();
        String dummy = passwords.dummyHashIfMade();
        assertThat(dummy).as("made by the first check, whatever the account").startsWith("{bcrypt-sha256}$2a$12$");
        assertThat(passwords.matches("anything", null)).isFalse();
        assertThat(passwords.dummyHashIfMade()).as("made once").isSameAs(dummy);
    }
}
