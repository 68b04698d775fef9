package com.powerpto.holiday;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
class HolidayRepository {

    private static final String COLUMNS = "id, company_id, date, name, location, half_day";

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which holidays a list shows: all, the company-wide ones, or those applying at one location (company-wide included). */
    record Scope(boolean companyWideOnly, String appliesAt) {
        static final Scope ALL = new Scope(false, null);
    }

    /** Inserts unless its date and scope are taken; false means another holiday already has them. */
    boolean insert(Holiday h) {
        return jdbc.sql("""
                INSERT INTO holidays (company_id, id, date, name, location, half_day)
                VALUES (:company, :id, :date, :name, :location, :half_day)
                ON CONFLICT ON CONSTRAINT holidays_date_uq DO NOTHING
                """).param("company", h.companyId()).param("id", h.id()).param("date", h.date()).param("name", h.name())
                .param("location", h.location()).param("half_day", h.halfDay())
                .update() == 1;
    }

    /**
     * Inserts a preset's holidays for one scope in one statement, skipping the dates that already
     * have a holiday of that scope (the unique key) or a company-wide one. Answers the rows created.
     */
    List<Holiday> insertMissing(UUID companyId, String location, List<HolidayPresets.PresetHoliday> holidays) {
        String[] dates = holidays.stream().map(h -> h.date().toString()).toArray(String[]::new);
        String[] names = holidays.stream().map(HolidayPresets.PresetHoliday::name).toArray(String[]::new);
        return jdbc.sql("""
                INSERT INTO holidays (company_id, id, date, name, location, half_day)
                SELECT :company, gen_random_uuid(), p.date, p.name, :location, false
                FROM unnest(CAST(:dates AS date[]), CAST(:names AS text[])) AS p(date, name)
                WHERE NOT EXISTS (SELECT 1 FROM holidays h
                                  WHERE h.company_id = :company AND h.date = p.date AND h.location_key = '')
                ON CONFLICT ON CONSTRAINT holidays_date_uq DO NOTHING
                RETURNING %s
                """.formatted(COLUMNS)).param("company", companyId).param("location", location)
                .param("dates", dates).param("names", names)
                .query(mapper()).list();
    }

    Optional<Holiday> find(UUID companyId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holidays WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).query(mapper()).optional();
    }

    /** Locks the row for an edit. */
    Optional<Holiday> lock(UUID companyId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM holidays WHERE company_id = :company AND id = :id FOR UPDATE")
                .param("company", companyId).param("id", id).query(mapper()).optional();
    }

    /** Writes an edit; the unique key (date and scope) may refuse it (a 409 from the exception handler). */
    void update(Holiday h) {
        jdbc.sql("""
                UPDATE holidays SET date = :date, name = :name, location = :location, half_day = :half_day
                WHERE company_id = :company AND id = :id
                """).param("company", h.companyId()).param("id", h.id()).param("date", h.date()).param("name", h.name())
                .param("location", h.location()).param("half_day", h.halfDay()).update();
    }

    void delete(UUID companyId, UUID id) {
        jdbc.sql("DELETE FROM holidays WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    Page<Holiday> page(UUID companyId, Integer year, Scope scope, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE company_id = :company");
        Map<String, Object> params = new HashMap<>();
        params.put("company", companyId);
        if (year != null) {
            LocalDate from = LocalDate.of(year, 1, 1);
            where.append(" AND date >= :from AND date < :to");
            params.put("from", from);
            params.put("to", from.plusYears(1));
        }
        if (scope.companyWideOnly()) {
            where.append(" AND location_key = ''");
        } else if (scope.appliesAt() != null) {
            where.append(" AND location_key IN ('', lower(:location))");
            params.put("location", scope.appliesAt());
        }
        long total = jdbc.sql("SELECT count(*) FROM holidays" + where).params(params).query(Long.class).single();
        List<Holiday> items = jdbc.sql("SELECT " + COLUMNS + " FROM holidays" + where
                        + " ORDER BY date, location_key OFFSET :offset LIMIT :limit")
                .params(params).param("offset", page.offset()).param("limit", page.limit())
                .query(mapper()).list();
        return new Page<>(items, total);
    }

    /** Company-wide holiday dates in the range, inclusive (what durations exclude for everyone). */
    Set<LocalDate> datesBetween(UUID companyId, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("""
                SELECT date FROM holidays WHERE company_id = :company AND location_key = '' AND date BETWEEN :from AND :to
                """).param("company", companyId).param("from", from).param("to", to).query(LocalDate.class).list());
    }

    private static RowMapper<Holiday> mapper() {
        return (rs, i) -> new Holiday(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getObject("date", LocalDate.class), rs.getString("name"), rs.getString("location"),
                rs.getBoolean("half_day"));
    }
}
