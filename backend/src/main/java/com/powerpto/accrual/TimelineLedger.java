package com.powerpto.accrual;

import com.powerpto.accrual.timeline.TimelineEvent;
import com.powerpto.accrual.timeline.TimelineEvent.Kind;
import com.powerpto.ledger.EntryType;
import com.powerpto.ledger.SourceType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * How timeline events live in the ledger (docs/worker.md, "What each job writes"): each event has a
 * canonical entry under a source id that names the event — the one the daily job writes — and, when
 * the event's amount changes later, correction entries under a numbered "-fix" source id, so the sum
 * of an event's entries is what it amounts to now. Pure: parses source ids and computes differences.
 * <pre>
 * GRANT            SYSTEM  accrual:&lt;p&gt;:&lt;e&gt;:&lt;date&gt;            ACCRUAL   / accrual-fix:…:&lt;date&gt;:&lt;n&gt;  ACCRUAL_CORRECTION
 * PAYROLL          PAYROLL &lt;run&gt;:&lt;e&gt;:&lt;p&gt;                  ACCRUAL   / &lt;run&gt;:&lt;e&gt;:&lt;p&gt;:fix:&lt;n&gt;  ACCRUAL_CORRECTION
 * CARRYOVER        SYSTEM  carryover:&lt;p&gt;:&lt;e&gt;:&lt;year&gt;          CARRYOVER 0 + EXPIRATION / carryover-fix:…:&lt;n&gt;
 * EXPIRY_ON_DATE   SYSTEM  expiration:&lt;p&gt;:&lt;e&gt;:&lt;date&gt;         EXPIRATION / expiration-fix:…:&lt;date&gt;:&lt;n&gt;
 * EXPIRY_AFTER_…   SYSTEM  expiration:&lt;p&gt;:&lt;e&gt;:after:&lt;date&gt;   EXPIRATION / expiration-fix:…:after:&lt;date&gt;:&lt;n&gt;
 * CARRIED_EXPIRY   SYSTEM  carryover-expiry:&lt;p&gt;:&lt;e&gt;:&lt;year&gt;   EXPIRATION / carryover-expiry-fix:…:&lt;n&gt;
 * </pre>
 */
final class TimelineLedger {

    private TimelineLedger() {
    }

    /** A posted entry attributed to its event. */
    record Attributed(TimelineEvent.Key key, boolean fix, boolean marker, long amount, LocalDate date, UUID versionId) {
    }

    /** What one event amounts to now and what the ledger holds for it. */
    record Due(TimelineEvent.Key key, LocalDate date, TimelineEvent event, long expected, long posted,
               boolean canonicalPosted, int fixes, UUID postedVersionId) {

        long delta() {
            return expected - posted;
        }
    }

    /** One entry to append. */
    record Entry(EntryType type, SourceType sourceType, String sourceId, long amount, LocalDate date, UUID versionId,
                 Map<String, Object> metadata) {
    }

    /** The event a system entry of the balance belongs to; empty for an entry no timeline makes. */
    static Optional<Attributed> attribute(TimelineRepository.Posted p) {
        String id = p.sourceId();
        UUID employee = p.ref().employeeId();
        UUID policy = p.ref().policyId();
        if (SourceType.PAYROLL.name().equals(p.sourceType())) {
            return payroll(p, id, employee + ":" + policy);
        }
        String[] parts = id.split(":");
        if (parts.length < 4 || !parts[1].equals(policy.toString()) || !parts[2].equals(employee.toString())) {
            return Optional.empty();
        }
        boolean marker = EntryType.CARRYOVER.name().equals(p.entryType());
        return switch (parts[0]) {
            case "accrual" -> attributed(Kind.GRANT, parts[3], false, false, p);
            case "accrual-fix" -> attributed(Kind.GRANT, parts[3], true, false, p);
            case "carryover" -> attributed(Kind.CARRYOVER, parts[3], false, marker, p);
            case "carryover-fix" -> attributed(Kind.CARRYOVER, parts[3], true, marker, p);
            case "carryover-expiry" -> attributed(Kind.CARRIED_EXPIRY, parts[3], false, false, p);
            case "carryover-expiry-fix" -> attributed(Kind.CARRIED_EXPIRY, parts[3], true, false, p);
            case "expiration" -> "after".equals(parts[3]) && parts.length > 4
                    ? attributed(Kind.EXPIRY_AFTER_LAST_GRANT, parts[4], false, false, p)
                    : attributed(Kind.EXPIRY_ON_DATE, parts[3], false, false, p);
            case "expiration-fix" -> "after".equals(parts[3]) && parts.length > 4
                    ? attributed(Kind.EXPIRY_AFTER_LAST_GRANT, parts[4], true, false, p)
                    : attributed(Kind.EXPIRY_ON_DATE, parts[3], true, false, p);
            default -> Optional.empty();
        };
    }

    private static Optional<Attributed> payroll(TimelineRepository.Posted p, String id, String suffix) {
        int fixAt = id.lastIndexOf(":" + suffix + ":fix:");
        if (EntryType.ACCRUAL_CORRECTION.name().equals(p.entryType()) && fixAt > 0) {
            return attributed(Kind.PAYROLL, id.substring(0, fixAt), true, false, p);
        }
        if (!id.endsWith(":" + suffix)) {
            return Optional.empty();
        }
        String run = id.substring(0, id.length() - suffix.length() - 1);
        if (EntryType.EXPIRATION.name().equals(p.entryType())) {
            // before issue 24 a run for a year already carried over expired what exceeded the cap itself:
            // that belongs to the carryover of the next 1 January, which the timeline now recomputes
            return attributed(Kind.CARRYOVER, Integer.toString(p.date().getYear() + 1), true, false, p);
        }
        return attributed(Kind.PAYROLL, run, false, false, p);
    }

    private static Optional<Attributed> attributed(Kind kind, String ref, boolean fix, boolean marker,
                                                   TimelineRepository.Posted p) {
        return Optional.of(new Attributed(new TimelineEvent.Key(kind, ref), fix, marker, p.amount(), p.date(), p.versionId()));
    }

    /**
     * Every event (of the timeline or of the ledger) that is {@code wanted} (by key and date), with what it
     * amounts to and what is posted, in date order. Differences only where {@code expected ≠ posted}
     * or the carryover marker is missing.
     */
    static List<Due> differences(List<TimelineEvent> events, List<TimelineRepository.Posted> posted,
                                 BiPredicate<TimelineEvent.Key, LocalDate> wanted) {
        Map<TimelineEvent.Key, TimelineEvent> byKey = new LinkedHashMap<>();
        events.forEach(e -> byKey.put(e.key(), e));
        Map<TimelineEvent.Key, List<Attributed>> ledger = new HashMap<>();
        for (TimelineRepository.Posted p : posted) {
            attribute(p).ifPresent(a -> ledger.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
        }
        List<TimelineEvent.Key> keys = new ArrayList<>(byKey.keySet());
        ledger.keySet().stream().filter(k -> !byKey.containsKey(k)).forEach(keys::add);
        List<Due> due = new ArrayList<>();
        for (TimelineEvent.Key key : keys) {
            TimelineEvent event = byKey.get(key);
            List<Attributed> entries = ledger.getOrDefault(key, List.of());
            LocalDate date = event != null ? event.date()
                    : entries.stream().map(Attributed::date).max(Comparator.naturalOrder()).orElseThrow();
            if (!wanted.test(key, date)) {
                continue;
            }
            long expected = event == null ? 0 : event.amount();
            long sum = entries.stream().mapToLong(Attributed::amount).sum();
            boolean canonical = entries.stream().anyMatch(a -> !a.fix() && (key.kind() != Kind.CARRYOVER || a.marker()));
            boolean markerMissing = key.kind() == Kind.CARRYOVER && event != null && !canonical;
            if (expected != sum || markerMissing) {
                UUID version = entries.stream().map(Attributed::versionId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                due.add(new Due(key, date, event, expected, sum, canonical, fixNumber(key, entries), version));
            }
        }
        due.sort(Comparator.comparing(Due::date).thenComparing(d -> d.key().kind()));
        return due;
    }

    /** How many corrections the event already has (the next one is numbered one more). */
    private static int fixNumber(TimelineEvent.Key key, List<Attributed> entries) {
        if (key.kind() == Kind.CARRYOVER) { // a correction of a carryover writes a marker and an expiration together
            long markers = entries.stream().filter(a -> a.fix() && a.marker()).count();
            long others = entries.stream().filter(a -> a.fix() && !a.marker()).count();
            return (int) Math.max(markers, others);
        }
        return (int) entries.stream().filter(Attributed::fix).count();
    }

    /** The entries that bring the ledger to the timeline for one event. */
    static List<Entry> entries(Due due, UUID employeeId, UUID policyId, Map<String, Object> correction) {
        Kind kind = due.key().kind();
        String ref = due.key().ref();
        UUID version = due.event() != null ? due.event().versionId() : due.postedVersionId();
        Map<String, Object> metadata = new LinkedHashMap<>(due.event() != null ? due.event().cause() : Map.of());
        List<Entry> entries = new ArrayList<>();
        long delta = due.delta();
        boolean canonical = !due.canonicalPosted() && due.posted() == 0 && due.event() != null
                && (kind == Kind.CARRYOVER || kind.forfeits() ? delta <= 0 : delta > 0);
        if (!canonical) {
            metadata.putAll(correction);
            metadata.put("expected_minutes", due.expected());
            metadata.put("previously_posted_minutes", due.posted());
            metadata.put("correction_minutes", delta);
        } else if (!correction.isEmpty()) {
            metadata.put("posted_by", correction.get("job"));
            metadata.put("cause_of_posting", correction.get("cause"));
        }
        int n = due.fixes() + 1;
        String p = policyId.toString();
        String e = employeeId.toString();
        switch (kind) {
            case GRANT -> entries.add(canonical
                    ? new Entry(EntryType.ACCRUAL, SourceType.SYSTEM, "accrual:" + p + ":" + e + ":" + ref, delta, due.date(), version, metadata)
                    : new Entry(EntryType.ACCRUAL_CORRECTION, SourceType.SYSTEM, "accrual-fix:" + p + ":" + e + ":" + ref + ":" + n,
                    delta, due.date(), version, reason(metadata, delta, "earned but not posted", "posted but no longer earned")));
            case PAYROLL -> entries.add(canonical
                    ? new Entry(EntryType.ACCRUAL, SourceType.PAYROLL, ref + ":" + e + ":" + p, delta, due.date(), version, metadata)
                    : new Entry(EntryType.ACCRUAL_CORRECTION, SourceType.PAYROLL, ref + ":" + e + ":" + p + ":fix:" + n, delta,
                    due.date(), version, reason(metadata, delta, "hours re-sent: more earned", "hours re-sent: less earned")));
            case CARRYOVER -> {
                String source = canonical ? "carryover:" + p + ":" + e + ":" + ref : "carryover-fix:" + p + ":" + e + ":" + ref + ":" + n;
                if (!canonical) {
                    reason(metadata, delta, "forfeited less", "forfeited more");
                }
                entries.add(new Entry(EntryType.CARRYOVER, SourceType.SYSTEM, source, 0, due.date(), version, metadata));
                if (delta != 0) {
                    entries.add(new Entry(EntryType.EXPIRATION, SourceType.SYSTEM, source, delta, due.date(), version, metadata));
                }
            }
            case EXPIRY_ON_DATE, EXPIRY_AFTER_LAST_GRANT -> {
                String tail = (kind == Kind.EXPIRY_AFTER_LAST_GRANT ? "after:" : "") + ref;
                entries.add(new Entry(EntryType.EXPIRATION, SourceType.SYSTEM, canonical
                        ? "expiration:" + p + ":" + e + ":" + tail : "expiration-fix:" + p + ":" + e + ":" + tail + ":" + n,
                        delta, due.date(), version, canonical ? metadata : reason(metadata, delta, "forfeited less", "forfeited more")));
            }
            case CARRIED_EXPIRY -> entries.add(new Entry(EntryType.EXPIRATION, SourceType.SYSTEM, canonical
                    ? "carryover-expiry:" + p + ":" + e + ":" + ref : "carryover-expiry-fix:" + p + ":" + e + ":" + ref + ":" + n,
                    delta, due.date(), version, canonical ? metadata : reason(metadata, delta, "forfeited less", "forfeited more")));
        }
        return entries;
    }

    private static Map<String, Object> reason(Map<String, Object> metadata, long delta, String up, String down) {
        metadata.put("reason", delta > 0 ? up : down);
        return metadata;
    }
}
