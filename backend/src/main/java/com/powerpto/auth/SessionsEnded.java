package com.powerpto.auth;

import java.util.UUID;

/**
 * Published (inside the transaction that raised the account's session generation) whenever every
 * token of an account ends. Listeners (e.g. the notification e-mail "your password was changed" /
 * "you were signed out everywhere") should use {@code @TransactionalEventListener} so they act
 * only after the commit. {@code actorId} is who did it (the person themselves, an admin, or
 * {@code Caller.SYSTEM_ID}).
 */
public record SessionsEnded(UUID companyId, UUID employeeId, UUID actorId, Reason reason) {

    public enum Reason {
        /** The person changed their own password. */
        PASSWORD_CHANGED,
        /** An admin set a password for the account. */
        PASSWORD_SET,
        /** An admin reset the account by invitation (the old password is cleared). */
        RESET_BY_INVITATION,
        /** An invitation was accepted (a new password was chosen). */
        INVITATION_ACCEPTED,
        DEACTIVATED,
        REACTIVATED,
        /** The person or an admin chose "sign out everywhere". */
        SIGNED_OUT_EVERYWHERE,
        /** Another module (e.g. termination) ended the sessions through {@link AccountService#endAllSessions}. */
        ENDED_BY_SYSTEM,
        /** The employee's access ended (the last day of a termination is over): {@link AccessEndSessions}. */
        ACCESS_ENDED
    }
}
