package com.powerpto.sso;

import com.powerpto.platform.config.PtoProperties;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionManager;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one HTTP client the API uses to reach identity providers: discovery documents, JWKS, the
 * token and user-info endpoints (issue 25, finding 3). Outside development:
 * <ul>
 *   <li>https only;</li>
 *   <li>every address a host name resolves to is checked ({@link ProviderAddresses}) in the DNS
 *       resolver itself, before any connection is opened, and the connection goes to exactly the
 *       checked addresses (a second lookup cannot swap in another);</li>
 * </ul>
 * and everywhere: short connect and read timeouts, no redirects, no proxy, no retries, no cookies,
 * a few connections at most — so a slow or hostile provider holds a request thread for seconds,
 * not minutes. Development may use plain http and loopback (the demo provider of {@code make run}).
 */
@Component
class ProviderHttp implements DisposableBean {

    /** Refused before connecting: the URL's scheme or an address its host resolves to. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    private final boolean development;
    private final CloseableHttpClient client;
    private final HttpComponentsClientHttpRequestFactory requestFactory;

    ProviderHttp(PtoProperties properties,
                 @Value("${pto.sso.connect-timeout:PT3S}") Duration connectTimeout,
                 @Value("${pto.sso.read-timeout:PT5S}") Duration readTimeout) {
        this.development = properties.isDevelopment();
        Timeout connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
        Timeout read = Timeout.ofMilliseconds(readTimeout.toMillis());
        HttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckingResolver())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                .setMaxConnTotal(16).setMaxConnPerRoute(4)
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect).setResponseTimeout(read)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .build();
        this.requestFactory = new HttpComponentsClientHttpRequestFactory(client);
    }

    /** For Spring's RestTemplate / RestClient (JWKS, token and user-info calls). */
    ClientHttpRequestFactory requestFactory() {
        return requestFactory;
    }

    /** The body of a GET that answered 200, at most {@code maxBytes}; refusals and failures as {@link IOException}. */
    byte[] get(URI uri, int maxBytes) throws IOException {
        check(uri);
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "application/json");
        return client.execute(get, response -> {
            if (response.getCode() != 200) {
                throw new IOException("answered HTTP " + response.getCode());
            }
            if (response.getEntity() == null) {
                throw new IOException("answered without a body");
            }
            try (InputStream in = response.getEntity().getContent()) {
                byte[] body = in.readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    throw new IOException("answered more than " + maxBytes + " bytes");
                }
                return body;
            }
        });
    }

    /**
     * The checks a URL must pass before anything is sent to it: https outside development, and
     * every address of its host allowed. Also run by the client for each connection it opens.
     */
    void check(URI uri) throws Refused {
        checkScheme(uri);
        if (uri.getHost() == null) {
            throw new Refused(uri + " has no host");
        }
        try {
            new CheckingResolver().resolve(uri.getHost());
        } catch (Refused refused) {
            throw refused;
        } catch (UnknownHostException e) {
            throw new Refused(uri.getHost() + " does not resolve");
        }
    }

    /** https outside development (http also in development); nothing is resolved. */
    void checkScheme(URI uri) throws Refused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(development && scheme.equals("http"))) {
            throw new Refused(uri + " is not an https URL");
        }
    }

    /** Resolves a host and refuses it when any of its addresses may not be called (outside development). */
    private final class CheckingResolver extends SystemDefaultDnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = super.resolve(host);
            if (development) {
                return addresses;
            }
            for (InetAddress address : addresses) {
                var refusal = ProviderAddresses.refusal(address);
                if (refusal.isPresent()) {
                    throw new Refused(host + " resolves to " + refusal.get() + " (" + address.getHostAddress() + ")");
                }
            }
            return addresses;
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
