package com.powerpto.auth;

import com.powerpto.platform.config.PtoProperties;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    /** A mock, so that new fields in PtoProperties do not break this test. */
    private static PtoProperties environment(String name) {
        PtoProperties properties = Mockito.mock(PtoProperties.class);
        Mockito.when(properties.environment()).thenReturn(name);
        Mockito.when(properties.isDevelopment()).thenReturn("development".equals(name));
        return properties;
    }

    private static MockHttpServletRequest request(String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.5");
        for (String value : forwardedFor) {
            request.addHeader("X-Forwarded-For", value);
        }
        return request;
    }

    @Test
    void forwardedForIsTrustedByDefaultOnlyOutsideDevelopment() {
        assertThat(new ClientAddress(environment("development"), null).trustsForwardedFor()).isFalse();
        assertThat(new ClientAddress(environment("staging"), null).trustsForwardedFor()).isTrue();
        assertThat(new ClientAddress(environment("production"), null).trustsForwardedFor()).isTrue();
        assertThat(new ClientAddress(environment("production"), false).trustsForwardedFor()).isFalse();
        assertThat(new ClientAddress(environment("development"), true).trustsForwardedFor()).isTrue();
    }

    @Test
    void untrustedForwardedForIsIgnored() {
        ClientAddress addresses = new ClientAddress(environment("development"), null);
        assertThat(addresses.of(request("203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void trustedForwardedForUsesTheRightMostEntry() {
        ClientAddress addresses = new ClientAddress(environment("production"), null);
        assertThat(addresses.of(request())).isEqualTo("10.0.0.5");
        assertThat(addresses.of(request("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("1.1.1.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(request("1.1.1.1", "198.51.100.2, 203.0.113.9 "))).isEqualTo("203.0.113.9");
        assertThat(addresses.of(request("2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(addresses.of(request("1.1.1.1, not-an-address"))).isEqualTo("10.0.0.5");
        assertThat(addresses.of(request(" , "))).isEqualTo("10.0.0.5");
    }
}
