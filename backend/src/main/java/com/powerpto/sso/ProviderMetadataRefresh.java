package com.powerpto.sso;

import com.powerpto.platform.process.PollingWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * Keeps the stored provider documents fresh in the background (modes {@code worker} and
 * {@code all}; issue 25): every 10 minutes, the documents missing or older than
 * {@code pto.sso.metadata-max-age} (12 h) are fetched again through {@link ProviderHttp}. A failed
 * fetch keeps the last good document, so a provider's short outage does not stop sign-ins.
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
class ProviderMetadataRefresh extends PollingWorker {

    private static final int BATCH = 50;

    private final SsoService sso;
    private final Duration maxAge;

    ProviderMetadataRefresh(SsoService sso, @Value("${pto.sso.metadata-refresh-interval:PT10M}") Duration interval,
                            @Value("${pto.sso.metadata-max-age:PT12H}") Duration maxAge) {
        super("sso-metadata-refresh", interval);
        this.sso = sso;
        this.maxAge = maxAge;
    }

    @Override
    protected void poll() {
        for (UUID company : sso.dueForRefresh(maxAge, BATCH)) {
            if (stopping()) {
                return;
            }
            sso.refreshMetadata(company);
        }
    }
}
