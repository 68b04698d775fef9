package com.powerpto.auth;

import com.powerpto.PowerPtoApplication;
import com.powerpto.platform.security.Role;
import com.powerpto.support.Http;
import com.powerpto.support.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, finding 15: the sign-in throttle was per process, so N API tasks gave N times the
 * budget. Two application instances on one database (as two API tasks behind the load balancer)
 * now share it: five wrong passwords spread over both, and the sixth is 429 on either.
 */
class SharedThrottleApiTest extends AuthApiTest {

    static ConfigurableApplicationContext second;
    static Http secondInstance;

    @BeforeAll
    static void secondApiTask() {
        second = new SpringApplicationBuilder(PowerPtoApplication.class).profiles("test")
                .run("--server.port=0", "--management.server.port=-1");
        secondInstance = new Http("http://127.0.0.1:" + ((ServletWebServerApplicationContext) second).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecond() {
        second.close();
    }

    private Http.Response login(Http instance, String email, String password) {
        return instance.post("/api/auth/login", Map.of("email", email, "password", password));
    }

    @Test
    void wrongPasswordsOnTwoApiTasksShareOneBudget() {
        Person person = newAccount(Role.EMPLOYEE);
        String email = emailOf(person.id());
        for (int i = 0; i < 5; i++) {
            login(i % 2 == 0 ? http : secondInstance, email, "wrong guess " + i).expectError(401);
        }
        // Three guesses on this task and two on the other: the account's five are spent on both.
        login(secondInstance, email, PASSWORD).expectError(429);
        login(http, email, PASSWORD).expectError(429);
    }

    @Test
    void anEmailLongerThanABucketIdIsThrottledLikeAnyOther() {
        // Found by BadInputFuzzTest once issue 24's routes changed its draw: a 1,000-character
        // e-mail made the bucket id longer than rate_limit_buckets allows, and sign-in answered 500.
        String email = "x".repeat(1000) + "@example.com";
        for (int i = 0; i < 5; i++) {
            login(i % 2 == 0 ? http : secondInstance, email, "guess " + i).expectError(401);
        }
        login(http, email, "guess 5").expectError(429);
    }

    @Test
    void theAddressBudgetIsSharedToo() {
        for (int i = 0; i < 20; i++) {
            login(i % 2 == 0 ? http : secondInstance, "spray-" + i + "-" + java.util.UUID.randomUUID() + "@example.com", "guess")
                    .expectError(401);
        }
        assertThat(login(secondInstance, "one-more@example.com", "guess").status()).isEqualTo(429);
        assertThat(login(http, "and-another@example.com", "guess").status()).isEqualTo(429);
    }
}
