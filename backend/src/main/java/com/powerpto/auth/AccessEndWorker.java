package com.powerpto.auth;

import com.powerpto.platform.process.PollingWorker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The worker's loop of {@link AccessEndSessions} (modes {@code worker} and {@code all}); several workers may run it. */
@Component
@ConditionalOnProperty(name = "pto.worker.enabled", havingValue = "true")
class AccessEndWorker extends PollingWorker {

    private final AccessEndSessions sessions;

    AccessEndWorker(AccessEndSessions sessions, @Value("${pto.auth.access-end-interval:PT1M}") Duration interval) {
        super("access-end-worker", interval);
        this.sessions = sessions;
    }

    @Override
    protected void poll() {
        sessions.run();
    }
}
