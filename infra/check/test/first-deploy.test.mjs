// The first deploy and a database outage, executed (issue 30). The inputs are the docs and the
// infrastructure code themselves, so they cannot drift from what this runs:
//
// First deploy (docs/operations.md "First deploy" steps 4 and 5): a PostgreSQL 17 whose master user is
// made the way RDS makes it (NOSUPERUSER CREATEROLE CREATEDB, owner of the database), the role SQL of
// step 4 run by that master through psql, the two database secrets of step 5 rendered by their own
// commands, then the backend prepared the way the image prepares it (backend/src/main/docker/appcds.sh,
// the Dockerfile's ENTRYPOINT) and started with the task definitions' commands and JVM options:
// `migrate` as the migrator must exit 0, `api` as the application user must answer /health 200, and
// the application user must not be able to UPDATE the ledger. Step 4 without its GRANT (the SQL before
// the fix) must fail with PostgreSQL's "must be able to SET ROLE".
//
// Database outage: PostgreSQL stopped under the running API for PTO_OUTAGE_SECONDS (default: long
// enough for the ALB to call a target unhealthy under a 200-only matcher). Meanwhile the ECS container
// check (the task definition's command, under dash) keeps passing, the ALB's probe (path, timeout and
// matcher from the Terraform) never marks the target unhealthy although readiness answers 503, the
// process is the same one throughout, and once PostgreSQL is back, readiness and a database-backed
// request recover by themselves.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { read, moduleDir, resolve, deepResolve } from "./lib.mjs";
import {
  JAR, PSQL, Cluster, Backend, imageLayout, probe, waitFor, sleep, freePort, randomSecret, ecsVariableDefault,
} from "./drill-lib.mjs";

const DASH = ["/usr/bin/dash", "/bin/dash"].find(existsSync);
const JQ = ["/usr/bin/jq", "/usr/local/bin/jq"].find(existsSync);
const skip = !existsSync(JAR) ? "backend/target/power-pto.jar is missing (infra/check/run.sh builds it)"
  : !PSQL ? "psql is not installed (infra/check/run.sh installs postgresql-client)"
    : !JQ ? "jq is not installed (infra/check/run.sh installs it)"
      : !DASH ? "dash is not installed" : false;

const ops = read("docs/operations.md");

/** A fenced block of the given language inside the first-deploy step whose heading starts with `step`. */
function stepBlock(step, language) {
  const start = ops.indexOf(`**${step}`);
  assert.ok(start >= 0, `docs/operations.md: step "${step}"`);
  const end = ops.indexOf("\n**", start + step.length + 4);
  const m = ops.slice(start, end).match(new RegExp("```" + language + "\\n([\\s\\S]*?)```"));
  assert.ok(m, `docs/operations.md step "${step}": a \`\`\`${language} block`);
  return m[1];
}

/** Step 4's SQL with its password placeholders filled in. */
export function roleSql(passwords) {
  let sql = stepBlock("4. Database roles", "sql");
  for (const [n, value] of Object.entries(passwords)) sql = sql.replaceAll(`<password ${n}>`, value);
  assert.doesNotMatch(sql, /<password/, "every password placeholder of step 4 is filled");
  return sql;
}

/**
 * The value step 5 puts into a secret, computed by the step's own shell word (`--secret-string ...`),
 * with the step's variables pointing at the drill's server and the placeholders filled in.
 */
export function secretValue(secretId, vars, passwords) {
  const block = stepBlock("5. Secrets", "sh").replace(/\\\n\s*/g, " ");
  const line = block.split("\n").find((l) => l.includes(`--secret-id ${secretId} `));
  assert.ok(line, `step 5 puts ${secretId}`);
  let word = line.slice(line.indexOf("--secret-string ") + "--secret-string ".length).trim();
  for (const [n, value] of Object.entries(passwords)) word = word.replaceAll(`<password ${n}>`, value);
  const assignments = Object.entries(vars).map(([k, v]) => `${k}='${v}'`).join("; ");
  const r = spawnSync("bash", ["-c", `set -euo pipefail; ${assignments}; printf '%s' ${word}`], { encoding: "utf8" });
  assert.equal(r.status, 0, `rendering ${secretId}: ${r.stderr}`);
  return r.stdout;
}

/** The ALB's API target group health check and the ECS liveness check, from the Terraform. */
async function probesFromTerraform() {
  const alb = await moduleDir("alb");
  const hc = [alb.resources.aws_lb_target_group.api.health_check].flat()[0];
  const ecs = await moduleDir("ecs");
  const api = deepResolve(ecs, resolve(ecs, ecs.resources.aws_ecs_task_definition.api.container_definitions))[0];
  const matcher = String(hc.matcher).split(",").map((s) => s.trim());
  return {
    alb: { path: hc.path, timeout: hc.timeout, interval: hc.interval, unhealthy: hc.unhealthy_threshold, healthy: hc.healthy_threshold, matcher },
    liveness: { shell: api.healthCheck.command[1], interval: api.healthCheck.interval, retries: api.healthCheck.retries },
    javaToolOptions: ecsVariableDefault("api_java_tool_options"),
  };
}

/** The roles RDS gives its master user: no superuser, may create roles and databases; owns the database. */
function rdsLikeMaster(cluster, password) {
  cluster.superuser(`CREATE ROLE power_pto_admin LOGIN PASSWORD '${password}' NOSUPERUSER CREATEROLE CREATEDB;
CREATE DATABASE power_pto OWNER power_pto_admin;`);
}

describe("first deploy from docs/operations.md, on PostgreSQL 17 with an RDS-like master user", { skip }, () => {
  const passwords = { 1: randomSecret(), 2: randomSecret(), 3: randomSecret() };
  const masterPassword = randomSecret();
  let cluster, app, api, probes, apiPort, secrets;
  const started = Date.now();

  before(async () => {
    probes = await probesFromTerraform();
    cluster = await Cluster.start("first-deploy");
    rdsLikeMaster(cluster, masterPassword);
    app = await imageLayout();
    console.log(`# image layout ready in ${app.preparedSeconds} s (appcds.sh: extract + class archive training, once per jar)`);
  });

  after(async () => {
    await api?.stop();
    cluster?.destroy();
    console.log(`# first deploy + outage drills: ${Math.round((Date.now() - started) / 1000)} s`);
  });

  test("step 4: the master user runs the role SQL without an error", () => {
    const r = cluster.psql("power_pto_admin", masterPassword, "power_pto", roleSql(passwords));
    assert.equal(r.status, 0, `step 4 failed:\n${r.out}`);
    assert.equal(cluster.value("SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'public'", "power_pto"), "power_pto_owner");
    assert.equal(cluster.value("SELECT rolsuper FROM pg_roles WHERE rolname = 'power_pto_admin'"), "f", "the master is no superuser");
  });

  test("step 5: the secrets as the docs put them (owner URL for migrate, RDS secret JSON for the app)", () => {
    // Production's TLS settings are the step's own; locally there is no TLS (DatabaseTlsTest covers verify-full).
    assert.match(stepBlock("5. Secrets", "sh"), /^tls='sslmode=verify-full&sslrootcert=\/etc\/ssl\/rds\/global-bundle\.pem'$/m);
    const vars = { host: "127.0.0.1", tls: "sslmode=disable", master: "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-drill" };
    const port = (s) => s.replaceAll(":5432/", `:${cluster.port}/`).replace(/"port":5432\b/, `"port":${cluster.port}`);
    secrets = {
      owner: port(secretValue("power-pto/database-owner-url", vars, passwords)),
      app: port(secretValue("power-pto/database-url", vars, passwords)),
    };
    assert.match(secrets.owner, /^postgresql:\/\/power_pto_migrator:/);
    const appSecret = JSON.parse(secrets.app);
    assert.equal(appSecret.username, "power_pto_app_a");
    assert.equal(appSecret.password, passwords[2]);
    assert.equal(appSecret.query, "sslmode=disable");
    assert.equal(appSecret.masterarn, vars.master, "the rotation's master secret");
    assert.equal(appSecret.port, cluster.port);
  });

  const production = () => ({
    ENVIRONMENT: "production",
    JWT_SECRET: randomSecret(24),
    PAYROLL_WEBHOOK_SECRET: randomSecret(),
    APP_BASE_URL: "https://pto.example.com", // the task definition's https://<domain_name>
    JAVA_TOOL_OPTIONS: `${probes.javaToolOptions} -Xshare:on`, // -Xshare:on: fail unless the class archive maps
    MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED: "false", // no AWS here
  });

  test("migrate (the image's ENTRYPOINT, command migrate) as power_pto_migrator exits 0; the schema belongs to power_pto_owner", async () => {
    assert.ok(secrets, "step 5 ran");
    const migrate = new Backend(app.argv("migrate"), { ...production(), DATABASE_URL: secrets.owner });
    const code = await migrate.exitCode(240_000);
    assert.equal(code, 0, `migrate exited ${code}:\n${migrate.log}`);
    const owners = cluster.value("SELECT string_agg(DISTINCT tableowner, ',') FROM pg_tables WHERE schemaname = 'public'", "power_pto");
    assert.equal(owners, "power_pto_owner");
  });

  test("api as the application user (the RDS secret JSON) answers /health 200", async () => {
    apiPort = await freePort();
    api = new Backend(app.argv("api"), { ...production(), DATABASE_URL: secrets.app, PORT: String(apiPort), PTO_MANAGEMENT_PORT: String(await freePort()) });
    const t0 = Date.now();
    const ok = await waitFor(async () => {
      assert.ok(api.alive(), `the api exited:\n${api.log}`);
      return (await probe(`http://127.0.0.1:${apiPort}/health`, 3000)).status === 200;
    }, 240_000, 500);
    assert.ok(ok, `/health never answered 200:\n${api.log}`);
    console.log(`# api ready ${Math.round((Date.now() - t0) / 1000)} s after start (image layout, class archive on)`);
    const user = cluster.value("SELECT string_agg(DISTINCT usename, ',') FROM pg_stat_activity WHERE application_name = 'power-pto-api'");
    assert.equal(user, "power_pto_app_a", "the api is connected as the application user");
  });

  test("the application user cannot UPDATE or DELETE the ledger, nor change the schema", () => {
    const app = (sql) => cluster.psql("power_pto_app_a", passwords[2], "power_pto", sql);
    const update = app("UPDATE ledger_entries SET id = id WHERE false;");
    assert.notEqual(update.status, 0);
    assert.match(update.out, /permission denied for table ledger_entries/);
    assert.match(app("DELETE FROM audit_log WHERE false;").out, /permission denied for table audit_log/);
    assert.match(app("CREATE TABLE drill_x (id int);").out, /permission denied for schema public/);
    assert.equal(app("SELECT count(*) FROM ledger_entries;").status, 0, "but may read it");
  });

  // Secrets Manager's PostgreSQLMultiUser rotation function (decision 0069) logs in as the master and,
  // the first time, clones the user of the secret; later it sets the password of whichever user is not
  // in use. Its statements, run here as the RDS-like master after step 4, must work, and the clone must
  // have exactly the application's rights.
  test("the managed rotation's SQL works as the master; the clone it makes may do what the app user may", () => {
    const clonePassword = randomSecret();
    const asMaster = (sql) => cluster.psql("power_pto_admin", masterPassword, "power_pto", sql);
    const created = asMaster(`CREATE ROLE power_pto_app_a_clone WITH LOGIN PASSWORD '${randomSecret()}';
GRANT power_pto_app_a TO power_pto_app_a_clone;`);
    assert.equal(created.status, 0, `clone: ${created.out}`);
    const altered = asMaster(`ALTER USER power_pto_app_a_clone WITH PASSWORD '${clonePassword}';`);
    assert.equal(altered.status, 0, `new password: ${altered.out}`);
    const asClone = (sql) => cluster.psql("power_pto_app_a_clone", clonePassword, "power_pto", sql);
    assert.equal(asClone("SELECT count(*) FROM ledger_entries; SELECT count(*) FROM requests;").status, 0, "reads like the app");
    assert.match(asClone("UPDATE ledger_entries SET id = id WHERE false;").out, /permission denied for table ledger_entries/);
  });

  // ---------------------------------------------------------------- the database outage, on the same API
  describe("database outage under the running API", () => {
    test("liveness stays 200, the ALB keeps the target (readiness 503 within its matcher), the process stays, traffic resumes by itself", async () => {
      assert.ok(api?.alive(), "the api from the first deploy runs");
      const { alb, liveness } = probes;
      const seconds = Number(process.env.PTO_OUTAGE_SECONDS ?? alb.interval * (alb.unhealthy + 1));
      const base = `http://127.0.0.1:${apiPort}`;
      const albProbe = async () => {
        const r = await probe(base + alb.path, alb.timeout * 1000);
        return { ...r, passes: alb.matcher.includes(String(r.status)) };
      };
      const livenessCheck = () => spawnSync(DASH, ["-c", liveness.shell.replaceAll(":8000", `:${apiPort}`)], { encoding: "utf8", timeout: 10_000 });
      const login = () => probe(`${base}/api/auth/login`, 10_000, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: `nobody-${randomSecret(4)}@drill.test`, password: "not-the-password" }),
      });

      assert.equal((await albProbe()).status, 200, "ready before the outage");
      assert.equal((await login()).status, 401, "a database-backed request before the outage: unknown user");
      const pid = api.pid;

      cluster.stopServer("immediate");
      const stoppedAt = Date.now();
      let consecutiveFailures = 0, worstRun = 0, readinessDown = 0, albProbes = 0, livenessRuns = 0;
      const statuses = new Set();
      let nextAlb = Date.now();
      while (Date.now() - stoppedAt < seconds * 1000) {
        const l = livenessCheck();
        livenessRuns++;
        assert.equal(l.status, 0, `the ECS liveness command failed during the outage: ${l.stdout}${l.stderr}`);
        if (Date.now() >= nextAlb) {
          nextAlb += alb.interval * 1000;
          const r = await albProbe();
          albProbes++;
          statuses.add(r.status);
          if (r.status === 503) readinessDown++;
          consecutiveFailures = r.passes ? 0 : consecutiveFailures + 1;
          worstRun = Math.max(worstRun, consecutiveFailures);
        }
        assert.equal(api.pid, pid);
        assert.ok(api.alive(), `the api process ended during the outage:\n${api.log}`);
        await sleep(1000);
      }
      const during = await login();
      console.log(`# outage ${seconds} s: ${albProbes} ALB probes (${[...statuses].join("/")}), ${livenessRuns} liveness checks, worst run of failed probes ${worstRun}`);
      assert.ok(readinessDown >= 1, `readiness answered 503 during the outage (got ${[...statuses]})`);
      assert.ok(worstRun < alb.unhealthy,
        `the ALB would mark the target unhealthy (${worstRun} failed probes in a row, threshold ${alb.unhealthy}, matcher ${alb.matcher}): ECS replaces it`);
      assert.equal(during.status, 503, `a database-backed request during the outage fails fast with 503 (got ${during.status})`);

      cluster.startServer();
      const restarted = Date.now();
      const back = await waitFor(async () => (await probe(base + "/health", alb.timeout * 1000)).status === 200, 60_000, 500);
      assert.ok(back, `readiness did not come back within 60 s of the restart:\n${api.log.slice(-3000)}`);
      console.log(`# readiness 200 again ${((Date.now() - restarted) / 1000).toFixed(1)} s after PostgreSQL restarted`);
      assert.equal((await login()).status, 401, "database-backed traffic resumes without a restart");
      assert.equal(api.pid, pid, "the same process");
      assert.ok(api.alive());
    });
  });
});

describe("the role SQL before the fix fails on PostgreSQL 17 (the check can fail)", { skip }, () => {
  let cluster;
  before(async () => {
    cluster = await Cluster.start("old-sql");
  });
  after(() => cluster?.destroy());

  test("step 4 without `GRANT power_pto_owner TO power_pto_admin` stops at ALTER SCHEMA … OWNER", () => {
    const masterPassword = randomSecret();
    rdsLikeMaster(cluster, masterPassword);
    const fixed = roleSql({ 1: "a", 2: "b", 3: "c" });
    const old = fixed.split("\n").filter((l) => !/^GRANT power_pto_owner TO power_pto_admin;/.test(l)).join("\n");
    assert.notEqual(old, fixed, "the docs' SQL grants power_pto_owner to the master");
    const r = cluster.psql("power_pto_admin", masterPassword, "power_pto", old);
    assert.notEqual(r.status, 0);
    assert.match(r.out, /must be able to SET ROLE "power_pto_owner"/);
  });
});
