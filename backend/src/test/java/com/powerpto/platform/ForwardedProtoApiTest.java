package com.powerpto.platform;

import com.powerpto.support.ApiTest;
import com.powerpto.support.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 (6): behind the ALB (TLS ends there) a request forwarded as https gets HSTS. */
class ForwardedProtoApiTest extends ApiTest {

    @Test
    void xForwardedProtoHttpsFromTheLoadBalancerGetsHsts() {
        Http.Response viaAlb = http.header("X-Forwarded-Proto", "https").get("/health");
        assertThat(viaAlb.status()).isEqualTo(200);
        assertThat(viaAlb.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        Http.Response api = http.header("X-Forwarded-Proto", "https").get("/api/auth/me");
        assertThat(api.header("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @Test
    void plainHttpGetsNoHstsAndTheClientAddressIsNotRewritten() {
        assertThat(http.get("/health").header("Strict-Transport-Security")).isNull();
        assertThat(http.header("X-Forwarded-Proto", "http").get("/health").header("Strict-Transport-Security")).isNull();
    }
}
