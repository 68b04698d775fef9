// Values the docs repeat from the code, compared with the code instead of by hand
// (issue 18, defect 10: the heap share, the worker port and the number of secrets had drifted).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { read, moduleDir, resolve, deepResolve } from "./lib.mjs";

const ops = read("docs/operations.md");

async function containers() {
  const d = await moduleDir("ecs");
  const out = {};
  for (const [name, td] of Object.entries(d.resources.aws_ecs_task_definition)) out[name] = deepResolve(d, resolve(d, td.container_definitions))[0];
  return { d, out };
}

describe("docs/operations.md matches the code", () => {
  test("heap share per service (MaxRAMPercentage in JAVA_TOOL_OPTIONS)", async () => {
    const { d } = await moduleDir("ecs").then((d) => ({ d }));
    const pct = (v) => Number(d.variables[v].default.match(/-XX:MaxRAMPercentage=([\d.]+)/)[1]);
    const m = ops.match(/`-XX:MaxRAMPercentage` \((\d+) % API, (\d+) % worker/);
    assert.ok(m, "operations.md states the heap share as `-XX:MaxRAMPercentage` (N % API, M % worker");
    assert.equal(Number(m[1]), pct("api_java_tool_options"), "API heap share");
    assert.equal(Number(m[2]), pct("worker_java_tool_options"), "worker heap share");
  });

  test("ports: API and worker health checks on 8000, frontend 80, as the task definitions", async () => {
    const { out } = await containers();
    const port = (cmd) => Number((cmd.match(/127\.0\.0\.1:(\d+)/) ?? [null, "80"])[1]);
    assert.equal(port(out.api.healthCheck.command[1]), 8000);
    assert.equal(port(out.worker.healthCheck.command[1]), 8000);
    assert.equal(out.api.portMappings[0].containerPort, 8000);
    assert.equal(out.frontend.portMappings[0].containerPort, 80);
    assert.match(ops, /Worker tasks \([^)]*port 8000/, "environments table: the worker's port");
    assert.match(ops, /API tasks \([^)]*port 8000/);
    assert.match(ops, /Frontend tasks \([^)]*port 80\)/);
    const row = ops.split("\n").find((l) => l.startsWith("| ECS container check (api, worker)"));
    assert.ok(row, "health checks table: the api/worker container check row");
    assert.ok(row.includes(out.api.healthCheck.command[1].replaceAll("|", "\\|")), "the documented command is the task definition's");
    assert.doesNotMatch(ops, /Worker \| no port/);
  });

  test("secrets: the table names exactly the secrets Terraform creates, and their count", async () => {
    const d = await moduleDir("secrets");
    const names = Object.values(d.resources.aws_secretsmanager_secret).map((s) => s.name).sort();
    const start = ops.indexOf("## Secrets and rotation");
    const section = ops.slice(start, ops.indexOf("\n## ", start + 5));
    const documented = [...new Set([...section.matchAll(/^\| `(power-pto\/[a-z-]+)`/gm)].map((m) => m[1]))].sort();
    assert.deepEqual(documented, names);
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight"];
    const m = section.match(/^(\w+) application secrets\./m);
    assert.ok(m, "states the number of application secrets");
    assert.equal(words.indexOf(m[1].toLowerCase()), names.length, "number of secrets");
    assert.doesNotMatch(ops, /exactly these three secrets/);
    // Every secret the task definitions inject is in the table.
    const { out } = await containers();
    const injected = new Set(Object.values(out).flatMap((c) => (c.secrets ?? []).map((s) => s.name)));
    for (const n of injected) assert.ok(section.includes("`" + n + "`"), `secrets table mentions ${n}`);
  });

  test("migrate uses the owner URL, and the docs say so", async () => {
    const { out } = await containers();
    assert.equal(out.migrate.secrets.find((s) => s.name === "DATABASE_URL").valueFrom, '${var.secret_arns["DATABASE_OWNER_URL"]}');
    assert.doesNotMatch(ops, /Until the Terraform of the migrate task\s+reads that secret, it runs with `DATABASE_URL`/);
    assert.match(ops, /power-pto\/database-owner-url`[^\n]*migrate/);
    assert.match(ops, /--secret-id power-pto\/database-owner-url/, "the first deploy fills the owner URL");
    for (const n of ["database-url", "jwt-signing-key", "payroll-webhook-secret", "smtp-username", "smtp-password"]) {
      assert.match(ops, new RegExp(`--secret-id power-pto/${n}`), `the first deploy fills power-pto/${n}`);
    }
  });

  test("first deploy: every GitHub environment variable the workflows read, each environment, the approval", () => {
    const workflows = read(".github/workflows/deploy-environment.yml") + read(".github/workflows/rollback.yml");
    const vars = [...new Set([...workflows.matchAll(/vars\.([A-Z_]+)/g)].map((m) => m[1]))];
    const start = ops.indexOf("## First deploy");
    const section = ops.slice(start, ops.indexOf("\n## ", start + 5));
    for (const v of vars) assert.ok(section.includes("`" + v + "`"), `first deploy sets ${v}`);
    for (const e of ["`staging`", "`production`", "required reviewers", "approve"]) assert.ok(section.includes(e), e);
    assert.ok(ops.includes("\n## A failed deploy and its re-run\n"));
    assert.ok(ops.includes("Re-run failed jobs"));
  });
});
