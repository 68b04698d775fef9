package com.powerpto.platform.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Time zones read back from the database. */
public final class Zones {

    private Zones() {
    }

    /**
     * The stored zone id, or UTC when the JDK no longer knows it: ids are checked when written, so
     * this only guards reads (feeds, mails, calendars) against a zone a later JDK renamed or dropped.
     */
    public static ZoneId orUtc(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
