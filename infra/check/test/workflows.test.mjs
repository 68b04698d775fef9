// GitHub Actions: every workflow validated against the schema (action-validator), and
// the deploy pipeline's order from the deployment plan.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { readdirSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { ROOT, read, exists } from "./lib.mjs";

const require = createRequire(import.meta.url);
const validatorCli = path.join(path.dirname(require.resolve("@action-validator/cli/package.json")), "cli.mjs");
const WORKFLOWS = path.join(ROOT, ".github/workflows");

const workflow = (name) => parseYaml(read(`.github/workflows/${name}`));
const stepsOf = (wf) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

describe("workflows", () => {
  test("ci.yml, deploy.yml and rollback.yml exist", () => {
    for (const f of ["ci.yml", "deploy.yml", "rollback.yml"]) assert.ok(exists(`.github/workflows/${f}`), f);
  });

  for (const file of readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    test(`action-validator accepts ${file}`, () => {
      const r = spawnSync(process.execPath, [validatorCli, path.join(WORKFLOWS, file)], { encoding: "utf8" });
      assert.equal(r.status, 0, `action-validator ${file}:\n${r.stdout}${r.stderr}`);
    });
  }

  test("action-validator rejects a broken workflow (the validator really validates)", () => {
    const r = spawnSync(process.execPath, [validatorCli, "/dev/stdin"], {
      input: "name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n",
      encoding: "utf8",
    });
    assert.notEqual(r.status, 0);
  });
});

describe("ci.yml", () => {
  test("on push and pull_request: JDK 17 (temurin), Node 20, make test", () => {
    const wf = workflow("ci.yml");
    assert.ok("push" in wf.on && "pull_request" in wf.on);
    const steps = stepsOf(wf);
    const java = steps.find((s) => s.uses?.startsWith("actions/setup-java@"));
    assert.equal(java.with.distribution, "temurin");
    assert.equal(String(java.with["java-version"]), "17");
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    assert.equal(String(node.with["node-version"]), "20");
    assert.ok(steps.some((s) => /^\s*make test\s*$/m.test(s.run ?? "")), "make test");
  });
});

describe("deploy.yml", () => {
  const wf = workflow("deploy.yml");
  const steps = stepsOf(wf);
  const runOf = (s) => s.run ?? "";

  test("on push to main with OIDC permissions only", () => {
    assert.deepEqual(Object.keys(wf.on), ["push"]);
    assert.deepEqual(wf.on.push.branches, ["main"]);
    const job = Object.values(wf.jobs)[0];
    assert.deepEqual(job.permissions ?? wf.permissions, { "id-token": "write", contents: "read" });
    assert.equal(job.environment, undefined, "a GitHub environment would change the OIDC subject the role trusts");
    assert.doesNotMatch(read(".github/workflows/deploy.yml"), /aws-access-key-id|AWS_SECRET_ACCESS_KEY/);
  });

  test("steps in the plan's order: checkout, credentials, ECR login, build/push x3, migrate, register, update x3, wait stable", () => {
    const index = (pred, what) => {
      const i = steps.findIndex(pred);
      assert.ok(i >= 0, `missing step: ${what}`);
      return i;
    };
    const checkout = index((s) => s.uses?.startsWith("actions/checkout@"), "checkout");
    const creds = index((s) => s.uses === "aws-actions/configure-aws-credentials@v4", "configure-aws-credentials@v4");
    const login = index((s) => s.uses === "aws-actions/amazon-ecr-login@v2", "amazon-ecr-login@v2");
    const build = {};
    for (const [svc, ctx] of [["api", "./backend"], ["worker", "./backend"], ["frontend", "./frontend"]]) {
      build[svc] = index((s) => {
        const r = runOf(s);
        return r.includes("docker build") && r.includes(`power-pto/${svc}:$GITHUB_SHA`) && r.includes("--build-arg APP_VERSION=$GITHUB_SHA") &&
          new RegExp(`${ctx.replace(".", "\\.")}\\s*$`, "m").test(r) && r.includes(`docker push $ECR_REGISTRY/power-pto/${svc}:$GITHUB_SHA`);
      }, `build and push ${svc} from ${ctx}`);
    }
    const migrate = index((s) => runOf(s).includes("aws ecs run-task"), "migrate (run-task)");
    const register = index((s) => runOf(s).includes("register-task-definition") && !runOf(s).includes("run-task"), "register task definitions");
    const update = {};
    for (const svc of ["api", "worker", "frontend"]) {
      update[svc] = index((s) => runOf(s).includes("aws ecs update-service") && new RegExp(`--service ${svc}\\b`).test(runOf(s)), `update ${svc}`);
    }
    const wait = index((s) => runOf(s).includes("aws ecs wait services-stable"), "wait services-stable");

    assert.ok(checkout < creds && creds < login, "checkout -> credentials -> ECR login");
    for (const svc of Object.keys(build)) assert.ok(login < build[svc] && build[svc] < migrate, `ECR login -> build ${svc} -> migrate`);
    assert.ok(migrate < register, "migrate -> register task definitions");
    for (const svc of Object.keys(update)) assert.ok(register < update[svc] && update[svc] < wait, `register -> update ${svc} -> wait`);
    assert.ok(steps.indexOf(steps[wait]) === steps.length - 1, "waiting for stability is the last step");
    assert.match(steps[creds].with["role-to-assume"], /\$\{\{\s*vars\.\w+\s*\}\}/);
    assert.match(runOf(steps[wait]), /--services api worker frontend/);
  });

  test("the migrate step runs power-pto-migrate, waits, and fails the deploy on a non-zero exit code", () => {
    const s = steps.find((x) => runOf(x).includes("aws ecs run-task"));
    const r = runOf(s);
    assert.match(r, /set -euo pipefail/);
    assert.match(r, /--task-definition power-pto-migrate/);
    assert.match(r, /"name": "api", "command": \["migrate"\]/);
    assert.match(r, /aws ecs wait tasks-stopped/);
    assert.match(r, /aws ecs describe-tasks[\s\S]*exitCode/);
    assert.match(r, /if \[ "\$exit_code" != "0" \]; then[\s\S]*?exit 1/);
    assert.ok(r.indexOf("wait tasks-stopped") < r.indexOf("exitCode"));
  });

  test("services are pointed at the new revisions, not just restarted", () => {
    for (const svc of ["api", "worker", "frontend"]) {
      const s = steps.find((x) => runOf(x).includes("aws ecs update-service") && runOf(x).includes(`--service ${svc}`));
      assert.match(runOf(s), new RegExp(`--task-definition "\\$\\{\\{ steps\\.taskdefs\\.outputs\\.${svc} \\}\\}"`));
    }
  });
});

describe("rollback.yml", () => {
  const wf = workflow("rollback.yml");
  const text = read(".github/workflows/rollback.yml");

  test("manual, with a sha input, redeploys that SHA's images to the three services without migrating", () => {
    assert.deepEqual(Object.keys(wf.on), ["workflow_dispatch"]);
    assert.equal(wf.on.workflow_dispatch.inputs.sha.required, true);
    assert.doesNotMatch(text, /aws ecs run-task|power-pto-migrate/, "no migration on rollback");
    assert.match(text, /power-pto\/\$service:\$TARGET_SHA/);
    assert.match(text, /TARGET_SHA: \$\{\{ inputs\.sha \}\}/);
    for (const svc of ["api", "worker", "frontend"]) assert.match(text, new RegExp(`update-service --cluster "\\$CLUSTER" --service ${svc} `));
    assert.match(text, /aws ecs wait services-stable/);
    const job = Object.values(wf.jobs)[0];
    assert.deepEqual(job.permissions, { "id-token": "write", contents: "read" });
  });
});

describe("dependabot.yml", () => {
  test("maven, npm (frontend, infra/check), docker (backend, frontend), github-actions", () => {
    const cfg = parseYaml(read(".github/dependabot.yml"));
    assert.equal(cfg.version, 2);
    const entries = cfg.updates.map((u) => `${u["package-ecosystem"]} ${u.directory}`);
    for (const e of ["maven /backend", "npm /frontend", "npm /infra/check", "docker /backend", "docker /frontend", "github-actions /"]) {
      assert.ok(entries.includes(e), e);
    }
    for (const u of cfg.updates) assert.ok(u.schedule?.interval, `${u["package-ecosystem"]} ${u.directory}: schedule`);
  });
});
