package com.powerpto.holiday;

import com.powerpto.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Yearly upkeep of bound locations: a location bound to a preset gets the holidays of the current
 * year when it is bound, and each December those of the next year, so nobody has to import them.
 * {@link HolidayUpkeepWorker} runs {@link #runDue} on the worker; binding runs {@link #fill} for the
 * one location at once. Idempotent: the import skips dates that have a holiday, and
 * {@code holidays_filled_through} records how far a binding is filled in.
 */
@Component
public class HolidayUpkeep {

    private static final Logger log = LoggerFactory.getLogger(HolidayUpkeep.class);
    private static final int BATCH = 50;

    private final LocationRepository locations;
    private final HolidayService holidays;
    private final TransactionTemplate transaction;

    public HolidayUpkeep(LocationRepository locations, HolidayService holidays, PlatformTransactionManager transactions) {
        this.locations = locations;
        this.holidays = holidays;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The last year a bound location should have on {@code today}: next year's in December, else this year's. */
    public static int targetYear(LocalDate today) {
        return today.getMonth() == Month.DECEMBER ? today.getYear() + 1 : today.getYear();
    }

    /** What one pass did. */
    public record Pass(int locations, int created) {
    }

    /**
     * Fills every due bound location (of one company, or all when null), each in its own
     * transaction; a location another replica is filling is skipped (it is no longer due after).
     */
    public Pass runDue(LocalDate today, UUID companyOrNull) {
        int target = targetYear(today);
        Set<UUID> seen = new HashSet<>();
        int filled = 0;
        int created = 0;
        while (true) {
            List<LocationRepository.Due> due = locations.due(target, companyOrNull, BATCH).stream()
                    .filter(d -> seen.add(d.id())).toList();
            if (due.isEmpty()) {
                return new Pass(filled, created);
            }
            for (LocationRepository.Due d : due) {
                try {
                    Integer made = transaction.execute(status -> fill(d.companyId(), d.id(), Caller.SYSTEM_ID, today, true));
                    filled++;
                    created += made == null ? 0 : made;
                } catch (RuntimeException e) {
                    log.error("holiday upkeep: location {} of company {} failed, retrying next pass: {}", d.id(), d.companyId(), e.toString());
                }
            }
        }
    }

    /**
     * Imports the bound preset's years that are missing, from this year (or the year after the last
     * one filled) through the target year; answers the holidays created. Inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int fill(UUID companyId, UUID locationId, UUID actorId, LocalDate today, boolean skipLocked) {
        Location location = locations.lock(companyId, locationId, skipLocked).orElse(null);
        if (location == null || location.country() == null) {
            return 0;
        }
        int target = targetYear(today);
        int from = location.holidaysFilledThrough() == null ? today.getYear() : location.holidaysFilledThrough() + 1;
        int created = 0;
        Locale language = Locale.forLanguageTag(location.language() == null ? "en" : location.language());
        for (int year = from; year <= target; year++) {
            created += holidays.importYear(companyId, actorId, location.country(), location.region(), year, location.name(),
                    language).created();
        }
        if (from <= target) {
            locations.filledThrough(companyId, locationId, target);
        }
        return created;
    }
}
