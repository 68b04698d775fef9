package com.powerpto.holiday;

import com.powerpto.platform.web.Page;
import com.powerpto.platform.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
class HolidayRepository {

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the date is taken; false means another holiday already has that date. */
    boolean insert(Holiday h) {
        return jdbc.sql("""
                INSERT INTO holidays (company_id, id, date, name) VALUES (:company, :id, :date, :name)
                ON CONFLICT ON CONSTRAINT holidays_date_uq DO NOTHING
                """).param("company", h.companyId()).param("id", h.id()).param("date", h.date()).param("name", h.name())
                .update() == 1;
    }

    Optional<Holiday> find(UUID companyId, UUID id) {
        return jdbc.sql("SELECT * FROM holidays WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).query(mapper()).optional();
    }

    void delete(UUID companyId, UUID id) {
        jdbc.sql("DELETE FROM holidays WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    Page<Holiday> page(UUID companyId, Integer year, PageRequest page) {
        String where = " WHERE company_id = :company" + (year == null ? "" : " AND date >= :from AND date < :to");
        var count = jdbc.sql("SELECT count(*) FROM holidays" + where).param("company", companyId);
        var select = jdbc.sql("SELECT * FROM holidays" + where + " ORDER BY date OFFSET :offset LIMIT :limit")
                .param("company", companyId).param("offset", page.offset()).param("limit", page.limit());
        if (year != null) {
            LocalDate from = LocalDate.of(year, 1, 1);
            count = count.param("from", from).param("to", from.plusYears(1));
            select = select.param("from", from).param("to", from.plusYears(1));
        }
        long total = count.query(Long.class).single();
        List<Holiday> items = select.query(mapper()).list();
        return new Page<>(items, total);
    }

    Set<LocalDate> datesBetween(UUID companyId, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.sql("SELECT date FROM holidays WHERE company_id = :company AND date BETWEEN :from AND :to")
                .param("company", companyId).param("from", from).param("to", to).query(LocalDate.class).list());
    }

    private static RowMapper<Holiday> mapper() {
        return (rs, i) -> new Holiday(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getObject("date", LocalDate.class), rs.getString("name"));
    }
}
