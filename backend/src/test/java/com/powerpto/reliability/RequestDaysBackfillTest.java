package com.powerpto.reliability;

import db.migration.V102__fill_request_days;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V102 fills {@code request_days} for requests written before V101. On a database that has holidays per
 * location already (issue 28's V130 applied first, as on a server that runs main before this branch:
 * V101/V102 then run out of order), each person's days leave out the company's holidays and their own
 * location's, with half days, and not another location's. The migration runs on a fresh database
 * migrated to the latest version, over requests inserted without their days.
 */
class RequestDaysBackfillTest {

    @Test
    void eachPersonsDaysFollowTheHolidaysOfTheirLocationAndAddUpToTheStoredMinutes() throws Exception {
        String url = Databases.create("request_days_" + UUID.randomUUID().toString().substring(0, 8));
        Flyway flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load();
        flyway.migrate();
        UUID company = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(url)) {
            String c = "'" + company + "'";
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO companies (id, name) VALUES (" + c + ", 'Backfill')");
                s.execute("INSERT INTO policies (company_id, id, key, category) VALUES (" + c + ", md5(" + c + " || 'p')::uuid, 'vacation', 'VACATION')");
                s.execute("""
                        INSERT INTO employees (company_id, id, first_name, last_name, email, location) VALUES
                          (%1$s, md5(%1$s || 'munich')::uuid, 'Mia', 'Munich', 'mia@backfill.test', 'Munich'),
                          (%1$s, md5(%1$s || 'berlin')::uuid, 'Ben', 'Berlin', 'ben@backfill.test', 'Berlin')
                        """.formatted(c));
                s.execute("""
                        INSERT INTO holidays (company_id, id, date, name, location, half_day) VALUES
                          (%1$s, gen_random_uuid(), DATE '2027-03-02', 'Everyone', NULL, false),
                          (%1$s, gen_random_uuid(), DATE '2027-03-03', 'Munich half day', 'munich', true),
                          (%1$s, gen_random_uuid(), DATE '2027-03-04', 'Berlin day', 'Berlin', false)
                        """.formatted(c));
                s.execute("""
                        INSERT INTO requests (company_id, id, employee_id, policy_id, start_at, end_at, requested_minutes, status, submitted_at) VALUES
                          (%1$s, md5(%1$s || 'r1')::uuid, md5(%1$s || 'munich')::uuid, md5(%1$s || 'p')::uuid,
                           '2027-03-01 09:00Z', '2027-03-05 17:00Z', 1680, 'APPROVED', '2027-02-01 10:00Z'),
                          (%1$s, md5(%1$s || 'r2')::uuid, md5(%1$s || 'berlin')::uuid, md5(%1$s || 'p')::uuid,
                           '2027-03-01 09:00Z', '2027-03-05 17:00Z', 1440, 'APPROVED', '2027-02-01 10:00Z'),
                          (%1$s, md5(%1$s || 'r3')::uuid, md5(%1$s || 'munich')::uuid, md5(%1$s || 'p')::uuid,
                           '2027-03-08 09:00Z', '2027-03-09 17:00Z', 600, 'SUBMITTED', '2027-02-01 10:00Z')
                        """.formatted(c));
            }
            new V102__fill_request_days().migrate(context(db));

            assertThat(days(db, company, "r1")).as("Munich: the company's Tuesday off, Wednesday a half day, Berlin's Thursday worked")
                    .isEqualTo(Map.of(LocalDate.parse("2027-03-01"), 480L, LocalDate.parse("2027-03-03"), 240L,
                            LocalDate.parse("2027-03-04"), 480L, LocalDate.parse("2027-03-05"), 480L));
            assertThat(days(db, company, "r2")).as("Berlin: Tuesday and Thursday off, Munich's half day worked")
                    .isEqualTo(Map.of(LocalDate.parse("2027-03-01"), 480L, LocalDate.parse("2027-03-03"), 480L,
                            LocalDate.parse("2027-03-05"), 480L));
            assertThat(days(db, company, "r3")).as("stored minutes that differ from today's calculation are split in proportion")
                    .isEqualTo(Map.of(LocalDate.parse("2027-03-08"), 300L, LocalDate.parse("2027-03-09"), 300L));

            new V102__fill_request_days().migrate(context(db));
            assertThat(days(db, company, "r1")).as("a second run adds nothing").hasSize(4);
        }
    }

    private static Map<LocalDate, Long> days(Connection db, UUID company, String request) throws Exception {
        Map<LocalDate, Long> days = new TreeMap<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT day, minutes FROM request_days WHERE company_id = '%1$s' AND request_id = md5('%1$s' || '%2$s')::uuid
                """.formatted(company, request))) {
            while (rs.next()) {
                days.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
            }
        }
        return days;
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
