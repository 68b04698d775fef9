package com.powerpto.demo;

import com.powerpto.platform.config.PtoProperties;
import com.powerpto.platform.security.Caller;
import com.powerpto.platform.security.Role;
import com.powerpto.platform.web.ApiException;
import com.powerpto.sso.SsoService;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;

/**
 * A local OpenID Connect provider for the demo company, so a person trying `make run` can sign in
 * with "Continue with Demo SSO" (issue 16). It is mock-oauth2-server, started in this process on
 * {@code pto.demo-oidc.port} (8091) at 127.0.0.1 only — and only in mode {@code all} with
 * {@code ENVIRONMENT=development}, like the demo data; {@code api} and {@code worker} never start it.
 * <p>
 * Its login page (ours, {@code demo-sso-login.html}) asks for an e-mail address and sends it as the
 * subject plus the {@code email} / {@code email_verified} claims; anyone may type anything, which is
 * the point of a demo provider and why it must never run anywhere else.
 */
@Component
@ConditionalOnProperty(name = "pto.demo-data.enabled", havingValue = "true")
public class DemoSsoProvider implements DisposableBean {

    static final String ISSUER_ID = "demo";
    static final String CLIENT_ID = "power-pto-demo";
    static final String PROVIDER_NAME = "Demo SSO";
    private static final Logger log = LoggerFactory.getLogger(DemoSsoProvider.class);

    private final PtoProperties properties;
    private final SsoService sso;
    private final int port;
    private MockOAuth2Server server;

    public DemoSsoProvider(PtoProperties properties, SsoService sso, @Value("${pto.demo-oidc.port:8091}") int port) {
        this.properties = properties;
        this.sso = sso;
        this.port = port;
    }

    /** After the demo data (an application runner) created the company and its admin. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void start() {
        if (startServer()) {
            configureDemoCompany();
            System.out.println("\n  Single sign-on: on the sign-in page type a demo e-mail (e.g. emma@acme.test) and choose\n"
                    + "  \"Continue with " + PROVIDER_NAME + "\"; the demo provider (" + issuer() + ") asks for the e-mail again.\n");
        }
    }

    /** True when the provider runs: only in development, and only when its port is free. */
    boolean startServer() {
        if (!properties.isDevelopment() || port <= 0) {
            return false;
        }
        try {
            Path loginPage = Files.createTempFile("demo-sso-login", ".html");
            loginPage.toFile().deleteOnExit();
            try (InputStream in = DemoSsoProvider.class.getResourceAsStream("demo-sso-login.html")) {
                Files.write(loginPage, in.readAllBytes());
            }
            server = new MockOAuth2Server(new OAuth2Config(true, loginPage.toString(), null, false,
                    new OAuth2TokenProvider(), new HashSet<>(), new MockWebServerWrapper()));
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (IOException | RuntimeException e) {
            log.warn("the demo single sign-on provider did not start on port {} ({}); password sign-in still works",
                    port, e.getMessage());
            server = null;
            return false;
        }
        return true;
    }

    String issuer() {
        return "http://localhost:" + port + "/" + ISSUER_ID;
    }

    /** The demo company signs in people of acme.test through this provider (password sign-in stays allowed). */
    private void configureDemoCompany() {
        Caller admin = new Caller(DemoDataLoader.ADMIN, DemoDataLoader.COMPANY, Role.ADMIN);
        try {
            if (issuer().equals(sso.get(admin, DemoDataLoader.COMPANY).issuer())) {
                // A database from an earlier run: the provider was not up then, so fetch its document now.
                sso.refreshMetadata(DemoDataLoader.COMPANY);
                return;
            }
        } catch (ApiException notYetConfigured) {
            log.debug("demo company has no single sign-on yet");
        }
        sso.put(admin, DemoDataLoader.COMPANY, new SsoService.Body(PROVIDER_NAME, issuer(), CLIENT_ID,
                "demo-client-secret", "acme.test", false, DemoDataLoader.ADMIN));
        log.info("demo company signs in through the local provider {}", issuer());
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.shutdown();
        }
    }
}
