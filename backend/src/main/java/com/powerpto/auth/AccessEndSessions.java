package com.powerpto.auth;

import com.powerpto.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Ends every session of people whose access has ended (issue 25, finding 6): a termination's last
 * day is over in the employee's zone ({@code employees.access_ends_at}). Until then the person
 * works and stays signed in — entering a future termination ends nothing. From then on tokens and
 * calendar feeds are refused anyway; raising the session generation makes that permanent, so a
 * rehire (or a termination withdrawn or moved later) never revives what was issued before. The
 * worker runs this every minute ({@link AccessEndWorker}); a database trigger (V112) covers a change
 * of {@code access_ends_at} made after it passed but before the worker came by.
 */
@Component
public class AccessEndSessions {

    private static final Logger log = LoggerFactory.getLogger("com.powerpto.auth");

    private final AccountRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessEndSessions(AccountRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** One pass; returns how many accounts' sessions it ended. */
    @Transactional
    public int run() {
        List<AccountRepository.EndedAccess> ended = repository.endSessionsWhereAccessEnded(clock.instant());
        for (AccountRepository.EndedAccess account : ended) {
            events.publishEvent(new SessionsEnded(account.companyId(), account.employeeId(), Caller.SYSTEM_ID,
                    SessionsEnded.Reason.ACCESS_ENDED));
            log.info("every session of {} in company {} ended: their access ended", account.employeeId(), account.companyId());
        }
        return ended.size();
    }
}
