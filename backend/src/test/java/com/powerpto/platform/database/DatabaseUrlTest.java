package com.powerpto.platform.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DATABASE_URL in each shape Secrets Manager may hold (decision 0069): the URL, and the JSON of an RDS
 * database secret as the managed rotation writes it (keys it adds or does not know are ignored).
 * The connection itself is exercised by infra/check's first-deploy drill, where the API logs in with
 * this JSON as the application user.
 */
class DatabaseUrlTest {

    @Test
    void anRdsSecretJsonBecomesTheJdbcUrlAndCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("""
                {"engine":"postgres","host":"db.example.internal","port":5432,"dbname":"power_pto",
                 "username":"power_pto_app_a_clone","password":"p@ss:w/rd%","masterarn":"arn:aws:secretsmanager:x",
                 "query":"sslmode=verify-full&sslrootcert=/etc/ssl/rds/global-bundle.pem"}
                """);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.internal:5432/power_pto"
                + "?sslmode=verify-full&sslrootcert=/etc/ssl/rds/global-bundle.pem");
        assertThat(url.user()).isEqualTo("power_pto_app_a_clone");
        assertThat(url.password()).as("taken as is: JSON needs no percent-encoding").isEqualTo("p@ss:w/rd%");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void portAsTextAndDefaultsWork() {
        DatabaseUrl url = DatabaseUrl.parse("{\"host\":\"h\",\"port\":\"6543\",\"username\":\"u\",\"password\":\"p\"}");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/postgres");
    }

    @Test
    void theUrlShapesStillWork() {
        assertThat(DatabaseUrl.parse("postgresql://u:p%40x@h:5433/db?sslmode=require").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5433/db?sslmode=require");
        assertThat(DatabaseUrl.parse("postgresql://u:p%40x@h/db").password()).isEqualTo("p@x");
    }

    @Test
    void aBrokenSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> DatabaseUrl.parse("{\"host\":\"h\",\"password\":\"secret-value\""))
                .hasMessage("DATABASE_URL looks like JSON but does not parse");
        assertThatThrownBy(() -> DatabaseUrl.parse("{\"host\":\"h\",\"password\":\"secret-value\"}"))
                .hasMessageContaining("needs host and username").hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> DatabaseUrl.parse("{\"engine\":\"mysql\",\"host\":\"h\",\"username\":\"u\"}"))
                .hasMessageContaining("engine must be postgres");
        assertThatThrownBy(() -> DatabaseUrl.parse("{\"host\":\"h\",\"username\":\"u\",\"port\":\"5432/x\"}"))
                .hasMessageContaining("port must be a number");
    }
}
