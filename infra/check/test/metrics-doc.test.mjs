// docs/metrics.md and the Terraform name the same metrics and alarms.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { read, loadAllTerraform, moduleDir, stringSet } from "./lib.mjs";

const doc = read("docs/metrics.md");

/** Backticked names in the first column (and metric columns) of the doc's tables. */
function section(title) {
  const start = doc.indexOf(`## ${title}`);
  assert.ok(start >= 0, `docs/metrics.md: section "${title}"`);
  const end = doc.indexOf("\n## ", start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}
const tableRows = (text) => text.split("\n").filter((l) => /^\|/.test(l) && !/^\|\s*-/.test(l)).slice(1);
const cells = (row) => row.split("|").slice(1, -1).map((c) => c.trim());
const ticks = (cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** The alarm names the Terraform creates, with "power-pto-<env>" for the env prefix. */
async function terraformAlarmNames() {
  const d = await moduleDir("observability");
  const names = [];
  for (const alarm of Object.values(d.resources.aws_cloudwatch_metric_alarm)) {
    const name = alarm.alarm_name.replace("${local.prefix}", "power-pto-<env>");
    if (alarm.for_each) for (const key of stringSet(d, alarm.for_each)) names.push(name.replace("${each.key}", key));
    else names.push(name);
  }
  assert.equal(d.locals.prefix, "power-pto-${var.environment}");
  return names.sort();
}

describe("docs/metrics.md", () => {
  test("lists exactly the alarms the Terraform creates", async () => {
    const documented = tableRows(section("Alarms")).map((r) => ticks(cells(r)[0])[0]).sort();
    assert.deepEqual(documented, await terraformAlarmNames());
  });

  test("every metric it names appears in the Terraform", async () => {
    const tf = (await loadAllTerraform()).map((f) => f.text).join("\n");
    const names = new Set();
    for (const row of tableRows(section("Application metrics (namespace `PowerPTO`)"))) {
      const [meter, cw] = cells(row);
      ticks(meter).forEach((n) => names.add(n));
      ticks(cw).forEach((n) => names.add(n));
    }
    for (const row of tableRows(section("AWS metrics"))) {
      const [ns, metric] = cells(row);
      ticks(ns).forEach((n) => names.add(n));
      ticks(metric).forEach((n) => names.add(n));
    }
    for (const required of ["http.server.requests", "accrual.job.success", "accrual.job.failure", "hikaricp.connections.active"]) {
      assert.ok(names.has(required), `docs/metrics.md lists ${required}`);
    }
    assert.match(doc, /namespace `PowerPTO`/);
    assert.ok(tf.includes('"PowerPTO"'), "namespace PowerPTO in the Terraform");
    const missing = [...names].filter((n) => !tf.includes(n));
    assert.deepEqual(missing, [], "named in docs/metrics.md but not in the Terraform");
  });

  test("the SNS topic name matches", async () => {
    const d = await moduleDir("observability");
    assert.equal(d.resources.aws_sns_topic.alarms.name, "${local.prefix}-alarms");
    assert.ok(doc.includes("`power-pto-<env>-alarms`"));
  });
});

describe("docs/operations.md", () => {
  test("has a runbook for every alarm's runbook link, and the sections the plan needs", async () => {
    const ops = read("docs/operations.md");
    const d = await moduleDir("observability");
    for (const [name, alarm] of Object.entries(d.resources.aws_cloudwatch_metric_alarm)) {
      const m = alarm.alarm_description.match(/docs\/operations\.md#([a-z0-9-]+)/);
      assert.ok(m, `${name}: runbook link in alarm_description`);
      assert.ok(ops.includes("### `" + m[1] + "`"), `operations.md: runbook heading for ${m[1]}`);
    }
    for (const h of ["## Deploy", "## Rollback", "## Secrets and rotation", "## Health checks", "## Logs", "## Cost", "## Backup and restore drill"]) {
      assert.ok(ops.includes(`\n${h}\n`), `operations.md: ${h}`);
    }
  });
});
