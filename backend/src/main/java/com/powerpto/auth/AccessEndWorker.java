package com.powerpto.auth;

import com.powerpto.platform.process.PollingWorker;
import com.powerpto.platform.security.SharedRateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The worker's loop of the sign-in housekeeping (modes {@code worker} and {@code all}; several
 * workers may run it): {@link AccessEndSessions} every minute, and removing throttle buckets that
 * are full again ({@link SharedRateLimits}).
 */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
class AccessEndWorker extends PollingWorker {

    private final AccessEndSessions sessions;
    private final SharedRateLimits limits;

    AccessEndWorker(AccessEndSessions sessions, SharedRateLimits limits,
                    @Value("${pto.auth.access-end-interval:PT1M}") Duration interval) {
        super("access-end-worker", interval);
        this.sessions = sessions;
        this.limits = limits;
    }

    @Override
    protected void poll() {
        sessions.run();
        limits.removeExpired();
    }
}
