package com.powerpto.auth;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test bean: remembers every {@link SessionsEnded} (published on server threads, so ApplicationEvents cannot see them). */
@Component
class SessionsEndedRecorder {

    private final List<SessionsEnded> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SessionsEnded event) {
        events.add(event);
    }

    List<SessionsEnded> all() {
        return List.copyOf(events);
    }
}
