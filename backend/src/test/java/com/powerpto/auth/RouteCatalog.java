package com.powerpto.auth;

import com.powerpto.platform.security.Role;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.powerpto.auth.RouteCatalog.Access.ALLOW;
import static com.powerpto.auth.RouteCatalog.Access.DENY;
import static com.powerpto.auth.RouteCatalog.Access.FILTERED;
import static com.powerpto.auth.RouteCatalog.Access.OWN;
import static com.powerpto.auth.RouteCatalog.Access.SIGNATURE;
import static com.powerpto.auth.RouteCatalog.Auth.CALLER;
import static com.powerpto.auth.RouteCatalog.Auth.NONE;
import static com.powerpto.auth.RouteCatalog.Auth.PAYROLL_HMAC;

/**
 * Every route of {@code shared/spec/api.md} and {@code docs/api-extensions.md}, with who may call
 * it (the contract's "who" column, verbatim, and per role), for the table-driven test that calls
 * every route as each role.
 * <p>
 * Reading an entry, for a caller of a role inside the path's company:
 * <ul>
 *   <li>{@link Access#ALLOW}: never 403 (it may still be 4xx for input or a missing id);</li>
 *   <li>{@link Access#OWN}: only on their own data (self, "manager of" = their direct reports,
 *       "owner" = their own request): others' ids are 403 (or 404 where the id is hidden);</li>
 *   <li>{@link Access#FILTERED}: allowed, but the answer only holds what the role may see;</li>
 *   <li>{@link Access#DENY}: 403;</li>
 *   <li>{@link Access#SIGNATURE}: the caller's identity is irrelevant; 401 without a valid
 *       {@code X-Payroll-Signature}.</li>
 * </ul>
 * Every {@link Route#companyScoped() company-scoped} route answers 403 to a caller of another
 * company, and every {@link Auth#CALLER} route answers 401 without credentials. Path variables:
 * {@code {cid}} company, {@code {eid}} employee, {@code {pid}} policy, {@code {aid}} assignment,
 * {@code {rid}} request, {@code {hid}} holiday, {@code {did}} delegation, {@code {lid}} location.
 */
public final class RouteCatalog {

    private RouteCatalog() {
    }

    public enum Access { ALLOW, OWN, FILTERED, DENY, SIGNATURE }

    /** What authenticates the call. */
    public enum Auth {
        /** Public: no credentials needed (bearer tokens are still verified when sent). */
        NONE,
        /** A bearer token (or, in development only, the X-Company-Id/X-User-Id/X-Role headers). */
        CALLER,
        /** HMAC-SHA256 of the body with PAYROLL_WEBHOOK_SECRET in X-Payroll-Signature. */
        PAYROLL_HMAC
    }

    public record Route(String method, String path, String who, Auth auth, Access admin, Access manager,
                        Access employee, String source, String notes) {

        public boolean companyScoped() {
            return path.contains("{cid}");
        }

        public Access access(Role role) {
            return switch (role) {
                case ADMIN -> admin;
                case MANAGER -> manager;
                case EMPLOYEE -> employee;
            };
        }

        /** The path with its variables filled in; every variable must be given. */
        public String expand(Map<String, ?> values) {
            Matcher matcher = VARIABLE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                Object value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + matcher.group(1) + "} in " + path);
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private static final String API = "shared/spec/api.md";
    private static final String EXT = "docs/api-extensions.md";
    private static final String C = "/api/companies/{cid}";

    private static Route route(String method, String path, String who, Auth auth, Access admin, Access manager,
                               Access employee, String source, String notes) {
        return new Route(method, path, who, auth, admin, manager, employee, source, notes);
    }

    private static Route open(String method, String path, String who, String source, String notes) {
        return route(method, path, who, NONE, ALLOW, ALLOW, ALLOW, source, notes);
    }

    private static Route admin(String method, String path, String source, String notes) {
        return route(method, path, "admin", CALLER, ALLOW, DENY, DENY, source, notes);
    }

    private static Route any(String method, String path, String source, String notes) {
        return route(method, path, "any", CALLER, ALLOW, ALLOW, ALLOW, source, notes);
    }

    public static final List<Route> ROUTES = List.of(
            // --- health and documentation ---
            open("GET", "/health", "anyone", API, "root path for the load balancer; 503 when the database is down"),
            open("GET", "/api/health", "anyone", API, "{status, version, environment}"),
            open("GET", "/health/live", "anyone", EXT, "liveness for the ECS container check: 200 while the process answers, no database check"),
            open("GET", "/api/health/live", "anyone", EXT, "liveness, same as /health/live"),
            open("GET", "/api/openapi.json", "anyone", API, "generated OpenAPI document"),
            open("GET", "/api/docs", "anyone", API, "Swagger UI; not served in production"),

            // --- auth and accounts (extensions) ---
            open("POST", "/api/auth/login", "anyone", EXT, "{email, password} -> token; 401 generic; 429 + Retry-After"),
            route("GET", "/api/auth/me", "signed in", CALLER, ALLOW, ALLOW, ALLOW, EXT, "{user_id, company_id, role, employee}"),
            route("POST", "/api/auth/change-password", "signed in", CALLER, ALLOW, ALLOW, ALLOW, EXT,
                    "{current_password, new_password} -> 204; 400 wrong current; 404 without an account"),
            open("POST", "/api/auth/accept-invite", "anyone with the token", EXT, "{token, password} -> 204; 400 unknown/expired"),
            admin("PUT", C + "/employees/{eid}/account", EXT, "{password?, role} -> 200 Account (+ invite_token once)"),
            admin("GET", C + "/employees/{eid}/account", EXT, "Account; 404 when none"),
            // --- issue 16: sessions ---
            route("POST", "/api/auth/sign-out-everywhere", "signed in", CALLER, ALLOW, ALLOW, ALLOW, EXT,
                    "-> 204; every token of the caller's account ends"),
            admin("POST", C + "/employees/{eid}/account/deactivate", EXT, "-> 200 Account; audited; tokens end"),
            admin("POST", C + "/employees/{eid}/account/reactivate", EXT, "-> 200 Account; audited; old tokens stay ended"),
            admin("POST", C + "/employees/{eid}/account/sign-out-everywhere", EXT, "-> 204; audited; tokens end"),
            admin("POST", C + "/payroll/webhook-secret", EXT, "-> 201 {secret (once), signature_header, timestamp_header, created_at}"),
            admin("DELETE", C + "/payroll/webhook-secret", EXT, "-> 204; 404 when the company uses the global secret"),
            open("GET", "/api/auth/sso", "anyone", EXT, "?email= -> {provider_name, start_path, require_sso}; 404 none"),
            open("GET", "/api/auth/oidc/start/{cid}", "anyone", EXT,
                    "-> 302 to the provider (Spring's OAuth2 login); without SSO 302 /sign-in/sso#error=sso_not_configured"),
            admin("GET", C + "/sso", EXT, "SSO settings without the client secret; 404 none"),
            admin("PUT", C + "/sso", EXT, "{provider_name, issuer, client_id, client_secret?, email_domain, require_sso, break_glass_employee_id?}"),
            admin("DELETE", C + "/sso", EXT, "-> 204"),

            // --- policies ---
            admin("POST", C + "/policies", API, "-> 201 Policy"),
            any("GET", C + "/policies", API, "paginated"),
            any("GET", C + "/policies/{pid}", API, "Policy with current_version"),
            admin("PUT", C + "/policies/{pid}", API, "new version -> 200 Policy"),
            any("GET", C + "/policies/{pid}/versions", API, "paginated"),

            // --- assignments ---
            admin("POST", C + "/policies/{pid}/assignments", API, "-> 201 Assignment"),
            admin("GET", C + "/policies/{pid}/assignments", API, "paginated"),
            route("GET", C + "/employees/{eid}/assignments", "admin, self", CALLER, ALLOW, OWN, OWN, API, "paginated"),
            admin("DELETE", C + "/assignments/{aid}", API, "?effective_to= ; end-dates it -> 200 Assignment"),

            // --- employees ---
            admin("PUT", C + "/employees/{eid}", API, "upsert -> 200 Employee"),
            route("GET", C + "/employees/{eid}", "admin, manager of, self", CALLER, ALLOW, OWN, OWN, API, "Employee"),
            route("GET", C + "/employees", "admin, manager", CALLER, ALLOW, FILTERED, DENY, API + ", " + EXT,
                    "paginated; ?manager_id=&status=&without_manager=&department=&location= ; a manager sees direct reports and themself"),

            // --- employee lifecycle (issue 15) ---
            admin("POST", C + "/employees/{eid}/terminate", EXT, "{termination_date, reason?} -> 200 Employee + effects"),
            admin("POST", C + "/employees/{eid}/rehire", EXT, "{hire_date} -> 200 Employee"),
            admin("DELETE", C + "/employees/{eid}/termination", EXT, "-> 200 Employee + what was restored; 409 once access ended"),
            admin("GET", C + "/employees/{eid}/final-statement", EXT, "{employee_id, termination_date, items}; Accept: text/csv"),
            admin("POST", C + "/imports/employees", EXT, "text/csv body; ?dry_run=&invite= -> {rows, created, updated, unchanged, errors}"),
            admin("POST", C + "/imports/balances", EXT, "text/csv body; ?dry_run= -> same report; ADJUSTMENTs"),
            admin("POST", C + "/policies/{pid}/assignments/bulk", EXT,
                    "{effective_from, effective_to?, all|department|manager_id|employee_ids} -> {matched, created, skipped}"),

            // --- requests ---
            route("POST", C + "/requests", "any (self), manager of, admin", CALLER, ALLOW, OWN, OWN, API,
                    "-> 201 Request; employee_id: the caller, a report of a manager (on behalf), anyone for an admin"),
            route("POST", C + "/requests/preview", "any (self), manager of, admin", CALLER, ALLOW, OWN, OWN, EXT, "writes nothing"),
            route("GET", C + "/requests", "any", CALLER, ALLOW, FILTERED, FILTERED, API + ", " + EXT,
                    "?status=&policy_id=&employee_id=&start_date=&end_date= ; own, plus reports' for managers"),
            route("GET", C + "/requests/{rid}", "as above", CALLER, ALLOW, OWN, OWN, API, "own, or a report's for managers"),
            route("GET", C + "/requests/{rid}/days", "as the request", CALLER, ALLOW, OWN, OWN, EXT,
                    "the request day by day (issue 26)"),
            route("POST", C + "/requests/{rid}/approve", "admin, manager of", CALLER, ALLOW, OWN, DENY, API, "body optional {note?}"),
            route("POST", C + "/requests/{rid}/deny", "admin, manager of", CALLER, ALLOW, OWN, DENY, API, "body optional {note?}"),
            route("POST", C + "/requests/{rid}/cancel", "owner, admin", CALLER, ALLOW, OWN, OWN, API, "-> 200 Request"),

            // --- approval delegation (issue 19) ---
            route("POST", C + "/delegations", "manager (own), admin", CALLER, ALLOW, ALLOW, DENY, EXT,
                    "{delegator_id?, delegate_id, start_date, end_date, note?} -> 201 Delegation"),
            route("GET", C + "/delegations", "manager, admin", CALLER, ALLOW, FILTERED, DENY, EXT,
                    "?active= ; paginated; a manager sees the delegations they gave or received"),
            route("GET", C + "/delegations/approvers", "manager, admin", CALLER, ALLOW, ALLOW, DENY, EXT,
                    "{items: [{id, first_name, last_name, role}]} people a delegation can go to"),
            route("GET", C + "/delegations/reports", "manager, admin", CALLER, ALLOW, FILTERED, DENY, EXT,
                    "{items: [Employee]} whose requests the caller decides today as a delegate"),
            route("POST", C + "/delegations/{did}/revoke", "delegator, admin", CALLER, ALLOW, OWN, DENY, EXT, "-> 200 Delegation"),

            // --- balances and ledger ---
            route("GET", C + "/employees/{eid}/balances", "admin, manager of (or their delegate today), self", CALLER, ALLOW, OWN, OWN, API, "{items, total}"),
            route("GET", C + "/employees/{eid}/balances/forecast", "admin, manager of, self", CALLER, ALLOW, OWN, OWN, EXT, "?date= -> {date, items}"),
            route("GET", C + "/employees/{eid}/ledger", "admin, manager of, self", CALLER, ALLOW, OWN, OWN, API, "?policy_id= ; paginated"),
            admin("POST", C + "/adjustments", API, "-> 201 LedgerEntry"),

            // --- holidays ---
            admin("POST", C + "/holidays", API, "-> 201 Holiday; same date twice 409"),
            any("GET", C + "/holidays", API, "?year= ; paginated"),
            admin("DELETE", C + "/holidays/{hid}", API, "204"),
            admin("PUT", C + "/holidays/{hid}", EXT, "edit {date?, name?, location?, half_day?} -> 200 Holiday (issue 28)"),
            admin("POST", C + "/holidays/import", API, "{country, region?, year, location?, language?} -> {created, skipped}"),
            route("GET", "/api/holiday-presets", "anyone signed in", CALLER, ALLOW, ALLOW, ALLOW, API,
                    "?country= ; {items: [{country, region, name}], total}"),
            any("GET", C + "/locations", EXT, "paginated Location (issue 28)"),
            admin("POST", C + "/locations", EXT, "{name, country?, region?, language?} -> 201 Location; same name (any case) 409"),
            admin("PUT", C + "/locations/{lid}", EXT, "{country, region?, language?} binds (country null unbinds) -> 200 Location"),
            admin("DELETE", C + "/locations/{lid}", EXT, "204; the location's holidays stay"),
            admin("GET", C + "/requests/duration-changes", EXT, "requests whose duration a holiday or location change altered; paginated"),
            admin("POST", C + "/requests/duration-changes/apply", EXT, "{request_ids?} -> {corrected, unchanged, items}"),

            // --- accruals ---
            admin("POST", C + "/accruals/trigger", API, "?target_date="),
            admin("POST", C + "/accruals/carryover", API, "?target_date="),
            admin("POST", C + "/accruals/expiration", API, "?target_date="),
            admin("POST", C + "/employees/{eid}/accruals/recalculate", EXT, "?through= -> 200 {through, balances_checked, entries_posted, ...}"),
            admin("POST", C + "/policies/{pid}/simulate", EXT, "{version, as_of?} -> 200 {as_of, items, totals}; writes nothing"),

            // --- payroll webhook ---
            route("POST", "/api/webhooks/payroll_processed", "payroll (HMAC)", PAYROLL_HMAC, SIGNATURE, SIGNATURE, SIGNATURE, API,
                    "X-Payroll-Signature: sha256=<hex HMAC of the raw body>; 401 without"),

            // --- audit, reports, operations ---
            admin("GET", C + "/audit-log", API, "?entity_type=&action=&actor_id=&start_date=&end_date= ; paginated"),
            admin("GET", C + "/reports/balances", API, "{items, total}"),
            admin("GET", C + "/reports/ledger", API, "?policy_id=&employee_id=&start_date=&end_date= ; CSV with Accept: text/csv or format=csv"),
            admin("GET", C + "/reports/summary", EXT, "dashboard figures"),
            admin("GET", C + "/reports/balances-as-of", EXT, "?date= (required, not after today) ; {items, total} or CSV (issue 20)"),
            admin("GET", C + "/reports/payroll", EXT,
                    "?start_date=&end_date= (required) ; person × policy × pay period, {items, total} or CSV (issue 26)"),
            admin("GET", C + "/reconciliation", EXT, "{checked, mismatches}"),

            // --- notifications and calendar feeds (issue 17) ---
            any("GET", "/api/me/notification-preferences", EXT, "{items: [{kind, enabled, can_disable}]}"),
            any("PUT", "/api/me/notification-preferences", EXT, "{preferences: {kind: bool}}; security kinds cannot be turned off"),
            admin("GET", C + "/notifications", EXT, "outbox rows ?status=pending|sent|failed ; paginated"),
            admin("POST", C + "/notifications/{nid}/retry", EXT, "re-queues a FAILED row -> 204"),
            any("GET", "/api/dev/mailbox", EXT, "development only (embedded SMTP server): 404 elsewhere"),
            any("GET", "/api/me/calendar-feeds", EXT, "{items}"),
            any("POST", "/api/me/calendar-feeds", EXT, "{scope, include_pending} -> 201 with token + url (rotates); company: admins"),
            any("DELETE", "/api/me/calendar-feeds/{fid}", EXT, "revoke -> 204"),
            open("GET", "/api/calendar/{token}.ics", "anyone with the secret URL", EXT, "text/calendar; 404 unknown/revoked; ETag"),
            // --- issue 29: Slack and Microsoft Teams ---
            admin("GET", C + "/integrations/slack", EXT, "Slack settings without the secrets; 404 none"),
            admin("PUT", C + "/integrations/slack", EXT, "{bot_token?, signing_secret?} (both the first time); auth.test checks the token"),
            admin("POST", C + "/integrations/slack/test", EXT, "auth.test with the stored token -> {ok, team_id, team_name, bot_user_id}; 400 refused"),
            admin("DELETE", C + "/integrations/slack", EXT, "-> 204"),
            admin("GET", C + "/integrations/teams", EXT, "{has_webhook_url, webhook_host, updated_at}; 404 none"),
            admin("PUT", C + "/integrations/teams", EXT, "{webhook_url}"),
            admin("POST", C + "/integrations/teams/test", EXT, "posts a test card -> {ok, status}; 400 refused"),
            admin("DELETE", C + "/integrations/teams", EXT, "-> 204"),
            route("POST", "/api/integrations/slack/interactions", "Slack (signed with the company's signing secret)", NONE,
                    SIGNATURE, SIGNATURE, SIGNATURE, API, "?company_id= ; 401 unsigned/stale/replayed/mis-signed; 403 other workspace"),
            any("GET", "/api/dev/slack", EXT, "development only (Slack stand-in): the caller's own Slack messages; 404 elsewhere"),
            any("POST", "/api/dev/slack/click", EXT, "development only: {channel, ts, action, note?} on one's own message; 404 elsewhere"),
            // --- issue 26: invitations ---
            admin("POST", C + "/invitations/resend", EXT, "-> {resent}; new links by e-mail, old ones end; needs a recent sign-in"),
            route("GET", C + "/whos-out", "any (employee: own team; manager: reports; admin: all)", CALLER,
                    FILTERED, FILTERED, FILTERED, EXT, "?from=&to= (<= 93 days) &manager_id= (admins) ; names, days, holidays"));

    /** Routes a test can call as a signed-in role (not public, not the webhook). */
    public static List<Route> callerRoutes() {
        return ROUTES.stream().filter(r -> r.auth() == CALLER).toList();
    }

    /** "GET /api/companies/{}/x" — a route's method and path with its variables blanked, for matching. */
    public static String shape(String method, String path) {
        return method + " " + path.replaceAll("\\{[^}]+}", "{}");
    }
}
