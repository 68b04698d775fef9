package com.powerpto.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CorsSetupTest {

    @Test
    void loopbackOriginsGetTheirOtherSpellingsAndOthersAreKeptAsTheyAre() {
        assertThat(CorsSetup.withLoopbackSpellings(List.of("http://localhost:5173", "https://pto.example.com")))
                .containsExactly("http://localhost:5173", "http://127.0.0.1:5173", "http://[::1]:5173",
                        "https://pto.example.com");
        assertThat(CorsSetup.withLoopbackSpellings(List.of("http://127.0.0.1:8080")))
                .containsExactlyInAnyOrder("http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080");
        assertThat(CorsSetup.withLoopbackSpellings(List.of("http://[::1]")))
                .containsExactlyInAnyOrder("http://[::1]", "http://localhost", "http://127.0.0.1");
        assertThat(CorsSetup.withLoopbackSpellings(List.of("*", "not a url"))).containsExactly("*", "not a url");
    }
}
