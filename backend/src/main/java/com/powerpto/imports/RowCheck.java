package com.powerpto.imports;

import com.powerpto.employee.Employee;
import com.powerpto.platform.security.Role;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks one row of the employee file with the rules of {@code PUT …/employees/{eid}}, collecting
 * every problem of the row (not only the first) with its column.
 */
final class RowCheck {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}$");
    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    private static final List<String> DEFAULT_DAYS = List.of("MON", "TUE", "WED", "THU", "FRI");

    private final CsvTable.Row row;
    private final List<ImportReport.Problem> problems;

    RowCheck(CsvTable.Row row, List<ImportReport.Problem> problems) {
        this.row = row;
        this.problems = problems;
    }

    void problem(String column, String code, String message) {
        problem(column, code, message, Map.of());
    }

    void problem(String column, String code, String message, Map<String, Object> params) {
        problems.add(ImportReport.Problem.of(row.number(), column, code, message, params));
    }

    String email() {
        String email = row.get("email");
        if (email.isEmpty()) {
            problem("email", "email_required", "is required");
            return null;
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problem("email", "email_invalid", "\"" + email + "\" is not a valid e-mail address", Map.of("value", email));
            return null;
        }
        return email;
    }

    /** The employee this row describes; fields the file does not carry (workday start) come from {@code before}. */
    Employee employee(UUID companyId, UUID id, String email, Employee before) {
        String first = name("first_name");
        String last = name("last_name");
        String timezone = timezone();
        LocalDate hire = hireDate();
        List<String> days = workDays();
        Integer minutes = workdayMinutes();
        Employee.PayType pay = payType();
        String department = label("department");
        String location = label("location");
        if (email == null || first == null || last == null || timezone == null || days == null || minutes == null
                || pay == null || department == null || location == null || hire == null) {
            return null;
        }
        return new Employee(id, companyId, first, last, email, pay, minutes, timezone, hire.equals(LocalDate.MIN) ? null : hire,
                before == null ? null : before.managerId(), days,
                before == null ? LocalTime.of(9, 0) : before.workdayStart(),
                before == null ? Employee.Status.ACTIVE : before.status(),
                before == null ? null : before.terminationDate(), department.isEmpty() ? null : department,
                location.isEmpty() ? null : location);
    }

    Role role() {
        return switch (row.get("role").toLowerCase(Locale.ROOT)) {
            case "", "employee" -> Role.EMPLOYEE;
            case "manager" -> Role.MANAGER;
            case "admin" -> Role.ADMIN;
            default -> {
                problem("role", "role_invalid", "must be admin, manager or employee", Map.of("value", row.get("role")));
                yield Role.EMPLOYEE;
            }
        };
    }

    private String name(String column) {
        String value = row.get(column);
        if (value.isEmpty() || value.length() > 100) {
            problem(column, "name_required", "is required (1 to 100 characters)");
            return null;
        }
        return value;
    }

    private String timezone() {
        String value = row.get("timezone");
        if (value.isEmpty()) {
            return "UTC";
        }
        try {
            if (!value.contains("/") && !value.equals("UTC")) {
                throw new DateTimeException("not a region id");
            }
            ZoneId.of(value);
            return value;
        } catch (DateTimeException e) {
            problem("timezone", "timezone_invalid", "\"" + value + "\" is not an IANA time zone such as Europe/Paris",
                    Map.of("value", value));
            return null;
        }
    }

    /** {@link LocalDate#MIN} stands for "no hire date"; null for a problem. */
    private LocalDate hireDate() {
        String value = row.get("hire_date");
        if (value.isEmpty()) {
            return LocalDate.MIN;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2199) {
                problem("hire_date", "hire_date_range", "must be between 1900 and 2199", Map.of("value", value));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem("hire_date", "date_invalid", "\"" + value + "\" is not a date YYYY-MM-DD", Map.of("value", value));
            return null;
        }
    }

    private List<String> workDays() {
        String value = row.get("work_days");
        if (value.isEmpty()) {
            return DEFAULT_DAYS;
        }
        Set<String> days = new LinkedHashSet<>();
        for (String day : value.toUpperCase(Locale.ROOT).split("[\\s;,]+")) {
            if (!DAYS.contains(day) || !days.add(day)) {
                problem("work_days", "work_days_invalid", "\"" + value + "\" must be distinct day names among MON TUE WED THU"
                        + " FRI SAT SUN, separated by spaces or semicolons", Map.of("value", value));
                return null;
            }
        }
        return DAYS.stream().filter(days::contains).toList();
    }

    private Integer workdayMinutes() {
        String value = row.get("workday_minutes");
        if (value.isEmpty()) {
            return 480;
        }
        try {
            int minutes = Integer.parseInt(value);
            if (minutes >= 60 && minutes <= 1440) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem("workday_minutes", "workday_minutes_invalid", "must be a whole number of minutes between 60 and 1440",
                Map.of("value", value));
        return null;
    }

    private Employee.PayType payType() {
        String value = row.get("pay_type").toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            return Employee.PayType.SALARY;
        }
        try {
            return Employee.PayType.valueOf(value);
        } catch (IllegalArgumentException e) {
            problem("pay_type", "pay_type_invalid", "must be SALARY or HOURLY", Map.of("value", row.get("pay_type")));
            return null;
        }
    }

    /** "" for none; null for a problem. */
    private String label(String column) {
        String value = row.get(column);
        if (value.length() > 100) {
            problem(column, "text_too_long", "must be at most 100 characters", Map.of("max", 100));
            return null;
        }
        return value;
    }
}
