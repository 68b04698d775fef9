package com.powerpto.holiday;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of locations; every query is bound to one company except the worker's scan for due bindings. */
@Repository
class LocationRepository {

    /** The location and how many active employees carry its name (case-insensitively). */
    private static final String SELECT = """
            SELECT l.id, l.company_id, l.name, l.preset_country, l.preset_region, l.preset_language, l.holidays_filled_through, l.created_at,
                   (SELECT count(*) FROM employees e WHERE e.company_id = l.company_id AND lower(e.location) = l.name_key
                      AND e.active) AS employee_count
            FROM locations l
            """;

    private final JdbcClient jdbc;

    LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A bound location whose holidays are not filled in up to the target year. */
    record Due(UUID companyId, UUID id) {
    }

    /** Inserts unless the name is taken (case-insensitively); false when it is. */
    boolean insert(UUID companyId, UUID id, String name, Instant now) {
        return jdbc.sql("""
                INSERT INTO locations (company_id, id, name, created_at, updated_at)
                VALUES (:company, :id, :name, :now, :now)
                ON CONFLICT ON CONSTRAINT locations_name_uq DO NOTHING
                """).param("company", companyId).param("id", id).param("name", name)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    List<Location> all(UUID companyId) {
        return jdbc.sql(SELECT + " WHERE l.company_id = :company ORDER BY l.name_key")
                .param("company", companyId).query(mapper()).list();
    }

    Optional<Location> find(UUID companyId, UUID id) {
        return jdbc.sql(SELECT + " WHERE l.company_id = :company AND l.id = :id")
                .param("company", companyId).param("id", id).query(mapper()).optional();
    }

    /** The location of that name (any case), if the company has one: its spelling is the one holidays get. */
    Optional<String> spelling(UUID companyId, String name) {
        return jdbc.sql("SELECT name FROM locations WHERE company_id = :company AND name_key = lower(:name)")
                .param("company", companyId).param("name", name).query(String.class).optional();
    }

    /** Locks the row while its binding changes or the worker fills it; empty when another transaction holds it and skip is asked. */
    Optional<Location> lock(UUID companyId, UUID id, boolean skipLocked) {
        return jdbc.sql(SELECT + " WHERE l.company_id = :company AND l.id = :id FOR UPDATE OF l" + (skipLocked ? " SKIP LOCKED" : ""))
                .param("company", companyId).param("id", id).query(mapper()).optional();
    }

    /** A new binding (or none): nothing is filled in for it yet. */
    void bind(UUID companyId, UUID id, String country, String region, String language, Instant now) {
        jdbc.sql("""
                UPDATE locations SET preset_country = :country, preset_region = :region, preset_language = :language,
                    holidays_filled_through = NULL, updated_at = :now WHERE company_id = :company AND id = :id
                """).param("company", companyId).param("id", id).param("country", country).param("region", region)
                .param("language", language).param("now", Timestamp.from(now)).update();
    }

    void filledThrough(UUID companyId, UUID id, int year) {
        jdbc.sql("UPDATE locations SET holidays_filled_through = :year WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).param("year", year).update();
    }

    void delete(UUID companyId, UUID id) {
        jdbc.sql("DELETE FROM locations WHERE company_id = :company AND id = :id")
                .param("company", companyId).param("id", id).update();
    }

    /** Bound locations (of every company, or of one) not filled in through {@code targetYear}, oldest first. */
    List<Due> due(int targetYear, UUID companyOrNull, int limit) {
        return jdbc.sql("""
                SELECT company_id, id FROM locations
                WHERE preset_country IS NOT NULL AND (holidays_filled_through IS NULL OR holidays_filled_through < :year)
                  AND (CAST(:company AS uuid) IS NULL OR company_id = :company)
                ORDER BY updated_at, id LIMIT :limit
                """).param("year", targetYear).param("company", companyOrNull).param("limit", limit)
                .query((rs, i) -> new Due(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class))).list();
    }

    private static RowMapper<Location> mapper() {
        return (rs, i) -> new Location(rs.getObject("id", UUID.class), rs.getObject("company_id", UUID.class),
                rs.getString("name"), rs.getString("preset_country"), rs.getString("preset_region"), rs.getString("preset_language"),
                (Integer) rs.getObject("holidays_filled_through"), rs.getLong("employee_count"),
                rs.getTimestamp("created_at").toInstant());
    }
}
