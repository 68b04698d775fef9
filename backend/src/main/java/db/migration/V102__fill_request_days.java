package db.migration;

import com.powerpto.request.DurationCalculator;
import com.powerpto.request.WorkSchedule;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Fills {@code request_days} (V101) for requests submitted before it existed, with the same duration
 * calculator a submit uses, on the employee's current schedule and the holidays that apply to them: the
 * company's, and, on a database that already has holidays per location (V130 applied first: V101/V102
 * then run out of order), those of their location, half days included. Where the
 * schedule changed since, the day split is scaled to the request's stored minutes (largest remainder),
 * so the days always add up to {@code requested_minutes}; a request whose days count nothing now keeps
 * its minutes on its first local day. A Java migration because the split must be computed exactly as
 * the application computes it (decision 0040).
 */
public class V102__fill_request_days extends BaseJavaMigration {

    private static final int BATCH = 1000;

    private record Person(ZoneId zone, Set<DayOfWeek> workDays, LocalTime start, int minutes, String locationKey) {
    }

    /** A company's holidays by location key ("" = the whole company), each date with whether it is a half day. */
    private record Holidays(Map<String, Map<LocalDate, Boolean>> byLocation) {

        static final Holidays NONE = new Holidays(Map.of());

        /** The whole company's and the location's; a whole day wins over a half day. */
        Map<LocalDate, WorkSchedule.HolidayDay> of(String locationKey) {
            Map<LocalDate, WorkSchedule.HolidayDay> days = new HashMap<>();
            for (String key : locationKey.isEmpty() ? List.of("") : List.of("", locationKey)) {
                byLocation.getOrDefault(key, Map.of()).forEach((date, half) -> days.merge(date,
                        new WorkSchedule.HolidayDay(null, half),
                        (a, b) -> a.halfDay() && b.halfDay() ? a : new WorkSchedule.HolidayDay(null, false)));
            }
            return days;
        }
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, Person> people = people(connection);
        Map<UUID, Holidays> holidays = holidays(connection);
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.company_id, r.id, r.employee_id, r.start_at, r.end_at, r.requested_minutes FROM requests r
                WHERE NOT EXISTS (SELECT 1 FROM request_days d WHERE d.company_id = r.company_id AND d.request_id = r.id)
                """);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO request_days (company_id, request_id, day, minutes) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            int pending = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID company = rs.getObject(1, UUID.class);
                    Person person = people.get(company + ":" + rs.getObject(3, UUID.class));
                    Instant start = rs.getTimestamp(4).toInstant();
                    Instant end = rs.getTimestamp(5).toInstant();
                    Map<LocalDate, WorkSchedule.HolidayDay> off = person == null ? Map.of()
                            : holidays.getOrDefault(company, Holidays.NONE).of(person.locationKey());
                    for (var day : split(person, off, start, end, rs.getLong(6)).entrySet()) {
                        insert.setObject(1, company);
                        insert.setObject(2, rs.getObject(2, UUID.class));
                        insert.setDate(3, Date.valueOf(day.getKey()));
                        insert.setLong(4, day.getValue());
                        insert.addBatch();
                        if (++pending == BATCH) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    static TreeMap<LocalDate, Long> split(Person person, Map<LocalDate, WorkSchedule.HolidayDay> holidays, Instant start,
                                          Instant end, long requested) {
        ZoneId zone = person == null ? ZoneOffset.UTC : person.zone();
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        if (person != null) {
            WorkSchedule schedule = new WorkSchedule(zone, person.workDays(), person.start(), person.minutes(), holidays);
            for (DurationCalculator.Day day : DurationCalculator.breakdown(start, end, schedule)) {
                if (day.minutes() > 0) {
                    days.put(day.date(), day.minutes());
                }
            }
        }
        long total = days.values().stream().mapToLong(Long::longValue).sum();
        if (total == requested) {
            return days;
        }
        TreeMap<LocalDate, Long> scaled = new TreeMap<>();
        if (total == 0) {
            scaled.put(start.atZone(zone).toLocalDate(), requested);
            return scaled;
        }
        long given = 0;
        List<Map.Entry<LocalDate, Long>> remainders = new ArrayList<>();
        for (var day : days.entrySet()) {
            long share = day.getValue() * requested / total;
            scaled.put(day.getKey(), share);
            given += share;
            remainders.add(Map.entry(day.getKey(), day.getValue() * requested % total));
        }
        remainders.sort(Map.Entry.<LocalDate, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; given < requested; i = (i + 1) % remainders.size(), given++) {
            scaled.merge(remainders.get(i).getKey(), 1L, Long::sum);
        }
        return scaled;
    }

    private static Map<String, Person> people(Connection connection) throws SQLException {
        Map<String, Person> people = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT company_id, id, timezone, work_days, workday_start, workday_minutes, coalesce(lower(location), '') FROM employees");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ZoneId zone;
                try {
                    zone = ZoneId.of(rs.getString(3));
                } catch (RuntimeException e) {
                    zone = ZoneOffset.UTC;
                }
                Set<DayOfWeek> workDays = EnumSet.noneOf(DayOfWeek.class);
                for (Object d : (Object[]) rs.getArray(4).getArray()) {
                    workDays.add(dayOfWeek(d.toString()));
                }
                people.put(rs.getObject(1, UUID.class) + ":" + rs.getObject(2, UUID.class),
                        new Person(zone, workDays, rs.getObject(5, LocalTime.class), rs.getInt(6), rs.getString(7)));
            }
        }
        return people;
    }

    private static DayOfWeek dayOfWeek(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(code)) {
                return d;
            }
        }
        throw new IllegalStateException("unknown work day " + code);
    }

    private static Map<UUID, Holidays> holidays(Connection connection) throws SQLException {
        String sql = located(connection)
                ? "SELECT company_id, date, coalesce(lower(location), ''), half_day FROM holidays"
                : "SELECT company_id, date, '', false FROM holidays";
        Map<UUID, Holidays> holidays = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                holidays.computeIfAbsent(rs.getObject(1, UUID.class), k -> new Holidays(new HashMap<>())).byLocation()
                        .computeIfAbsent(rs.getString(3), k -> new HashMap<>())
                        .merge(rs.getObject(2, LocalDate.class), rs.getBoolean(4), (a, b) -> a && b);
            }
        }
        return holidays;
    }

    /** Whether holidays have a location yet (V130 of issue 28 applied before this migration). */
    private static boolean located(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT 1 FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = 'holidays' AND column_name = 'location'
                """);
             ResultSet rs = select.executeQuery()) {
            return rs.next();
        }
    }
}
