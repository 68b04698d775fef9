package com.powerpto.accrual;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for accrual tests written straight into the tables (the employee/policy/assignment
 * APIs are built in parallel; these rows have exactly the shape those features write).
 */
public class AccrualData {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    public final UUID companyId;

    public AccrualData(JdbcClient jdbc, UUID companyId) {
        this.jdbc = jdbc;
        this.companyId = companyId;
    }

    public UUID employee(String name, LocalDate hireDate) {
        UUID id = UUID.randomUUID();
        return employee(id, name, hireDate);
    }

    public UUID employee(UUID id, String name, LocalDate hireDate) {
        jdbc.sql("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, hire_date)
                VALUES (:company, :id, :name, 'Tester', :email, :hire)
                """).param("company", companyId).param("id", id).param("name", name)
                .param("email", name.toLowerCase() + "." + id.toString().substring(0, 8) + "@example.test")
                .param("hire", hireDate).update();
        return id;
    }

    public record Policy(UUID id, UUID versionId) {
    }

    public Policy policy(String key, Map<String, Object> settings, LocalDate effectiveFrom) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO policies (company_id, id, key, category) VALUES (:company, :id, :key, 'VACATION')")
                .param("company", companyId).param("id", id).param("key", key).update();
        return new Policy(id, version(id, 1, settings, effectiveFrom));
    }

    public UUID version(UUID policyId, int version, Map<String, Object> settings, LocalDate effectiveFrom) {
        UUID id = UUID.randomUUID();
        jdbc.sql("UPDATE policy_versions SET effective_to = :from WHERE company_id = :company AND policy_id = :policy AND effective_to IS NULL")
                .param("company", companyId).param("policy", policyId).param("from", effectiveFrom).update();
        try {
            jdbc.sql("""
                    INSERT INTO policy_versions (company_id, id, policy_id, version, effective_from, type, accrual_method,
                                                 settings, created_by)
                    VALUES (:company, :id, :policy, :version, :from, :type, :method, CAST(:settings AS jsonb), :by)
                    """).param("company", companyId).param("id", id).param("policy", policyId).param("version", version)
                    .param("from", effectiveFrom).param("type", settings.get("type"))
                    .param("method", settings.get("accrual_method")).param("settings", JSON.writeValueAsString(settings))
                    .param("by", UUID.randomUUID()).update();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    public UUID assign(Policy policy, UUID employeeId, LocalDate from, LocalDate to) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, effective_to, created_by)
                VALUES (:company, :id, :employee, :policy, :from, :to, :by)
                """).param("company", companyId).param("id", id).param("employee", employeeId).param("policy", policy.id())
                .param("from", from).param("to", to).param("by", UUID.randomUUID()).update();
        return id;
    }

    /**
     * {@code count} generated employees (hired on spread dates of 2020–2024: before every assignment a
     * benchmark makes, since an assignment accrues from the hire date at the earliest), each assigned to the policy
     * from {@code from}, in two set-based statements (the benchmarks' company of thousands).
     */
    public void employeesOnPolicy(int count, Policy policy, LocalDate from) {
        jdbc.sql("""
                INSERT INTO employees (company_id, id, first_name, last_name, email, hire_date)
                SELECT :c, gen_random_uuid(), 'E' || g, 'Bench', 'e' || g || '@bench.test', DATE '2020-01-01' + (g % 1800)
                FROM generate_series(1, :n) g
                """).param("c", companyId).param("n", count).update();
        jdbc.sql("""
                INSERT INTO assignments (company_id, id, employee_id, policy_id, effective_from, created_by)
                SELECT :c, gen_random_uuid(), id, :p, :from, :c FROM employees WHERE company_id = :c
                """).param("c", companyId).param("p", policy.id()).param("from", from).update();
    }

    public static Map<String, Object> time(String frequency, String timing, long rate, String proration, Map<String, Object> extra) {
        Map<String, Object> s = new HashMap<>();
        s.put("type", "ACCRUAL");
        s.put("accrual_method", "TIME");
        s.put("accrual_frequency", frequency);
        s.put("accrual_timing", timing);
        s.put(switch (frequency) {
            case "DAILY" -> "rate_minutes_per_day";
            case "MONTHLY" -> "rate_minutes_per_month";
            default -> "rate_minutes_per_year";
        }, rate);
        s.put("proration", proration);
        s.put("unit", "DAYS");
        s.put("allow_negative", false);
        s.put("bank_cap_minutes", null);
        s.put("tenure_tiers", List.of());
        s.put("carryover", Map.of("enabled", false));
        s.put("expiration", Map.of("enabled", false));
        s.putAll(extra);
        return s;
    }

    public static Map<String, Object> hours(long accrue, long per, Map<String, Object> extra) {
        Map<String, Object> s = new HashMap<>();
        s.put("type", "ACCRUAL");
        s.put("accrual_method", "HOURS_WORKED");
        s.put("accrual_ratio", Map.of("accrue_minutes", accrue, "per_worked_minutes", per));
        s.put("unit", "HOURS");
        s.put("tenure_tiers", List.of());
        s.put("carryover", Map.of("enabled", false));
        s.put("expiration", Map.of("enabled", false));
        s.putAll(extra);
        return s;
    }

    public record Entry(String type, long amount, String sourceType, String sourceId, LocalDate effectiveDate) {
    }

    public List<Entry> entries(UUID employeeId, UUID policyId) {
        return jdbc.sql("""
                SELECT entry_type, amount_minutes, source_type, source_id, (effective_at AT TIME ZONE 'UTC')::date AS day
                FROM ledger_entries WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                ORDER BY effective_at, created_at, entry_type
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class))).list();
    }

    public long sum(UUID employeeId, UUID policyId, String type) {
        return entries(employeeId, policyId).stream().filter(e -> type == null || e.type().equals(type))
                .mapToLong(Entry::amount).sum();
    }

    public long ledgerCount() {
        return jdbc.sql("SELECT count(*) FROM ledger_entries WHERE company_id = :company").param("company", companyId)
                .query(Long.class).single();
    }

    /** (accrued, used, held) of the snapshot, zeros when there is none. */
    public long[] snapshot(UUID employeeId, UUID policyId) {
        return jdbc.sql("""
                SELECT accrued_minutes, used_minutes, held_minutes FROM balance_snapshots
                WHERE company_id = :company AND employee_id = :employee AND policy_id = :policy
                """).param("company", companyId).param("employee", employeeId).param("policy", policyId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional()
                .orElse(new long[] {0, 0, 0});
    }

    public long auditCount(String entityType) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE company_id = :company AND entity_type = :type")
                .param("company", companyId).param("type", entityType).query(Long.class).single();
    }

    public long runCount(String job) {
        return jdbc.sql("SELECT count(*) FROM accrual_runs WHERE company_id = :company AND job = :job")
                .param("company", companyId).param("job", job).query(Long.class).single();
    }
}
