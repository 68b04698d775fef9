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
  test("ci.yml, deploy.yml, deploy-environment.yml and rollback.yml exist", () => {
    for (const f of ["ci.yml", "deploy.yml", "deploy-environment.yml", "rollback.yml"]) assert.ok(exists(`.github/workflows/${f}`), f);
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

describe("ci.yml: the terraform job (GitHub only: it needs the registry)", () => {
  test("fmt -check, init -backend=false, validate, terraform test with both environments' values, the lock file as an artifact", () => {
    const job = workflow("ci.yml").jobs.terraform;
    assert.ok(job, "a terraform job");
    assert.equal(job.defaults.run["working-directory"], "infra/terraform/stack");
    const runs = job.steps.map((st) => st.run ?? "").join("\n");
    assert.match(runs, /terraform fmt -check -recursive/);
    assert.match(runs, /terraform init -backend=false/);
    assert.match(runs, /terraform validate/);
    for (const e of ["staging", "production"]) assert.match(runs, new RegExp(`terraform test -var-file=environments/${e}\\.tfvars`));
    assert.match(runs, /terraform providers lock[\s\S]*-platform=darwin_arm64/);
    const upload = job.steps.find((st) => st.uses?.startsWith("actions/upload-artifact@"));
    assert.equal(upload.with.path, "infra/terraform/stack/.terraform.lock.hcl");
    assert.ok(exists("infra/terraform/stack/tests/plan.tftest.hcl"));
    assert.match(read("infra/terraform/stack/tests/plan.tftest.hcl"), /mock_provider "aws"/);
  });
});

// The gates are checked on the parsed YAML; workflowGates() takes the texts so a test can
// show that the old single-job deploy.yml fails them.
export function deployGates(deployText, envText, ciText) {
  const problems = [];
  const wf = parseYaml(deployText);
  const ci = parseYaml(ciText);
  const on = wf.on ?? {};
  // 1. Deploy only after a green CI for that commit.
  if (Object.keys(on).join() !== "workflow_run") problems.push(`deploy.yml must start only from workflow_run (has: ${Object.keys(on)})`);
  if (JSON.stringify(on.workflow_run?.workflows) !== JSON.stringify([ci.name])) problems.push(`deploy.yml must follow the CI workflow "${ci.name}"`);
  if (JSON.stringify(on.workflow_run?.types) !== '["completed"]') problems.push("workflow_run types must be [completed]");
  if (JSON.stringify(on.workflow_run?.branches) !== '["main"]') problems.push("workflow_run branches must be [main]");
  const jobs = wf.jobs ?? {};
  const gated = (name, seen = new Set()) => {
    const job = jobs[name];
    if (!job || seen.has(name)) return false;
    seen.add(name);
    if (/github\.event\.workflow_run\.conclusion == 'success'/.test(job.if ?? "") && /github\.event\.workflow_run\.event == 'push'/.test(job.if ?? "")) return true;
    return [job.needs ?? []].flat().some((n) => gated(n, seen));
  };
  for (const name of Object.keys(jobs)) if (!gated(name)) problems.push(`job ${name} does not require a successful CI run for a push`);
  const text = deployText + envText;
  if (!/github\.event\.workflow_run\.head_sha/.test(deployText)) problems.push("deploy.yml must deploy workflow_run.head_sha (the commit CI tested)");
  if (/\$GITHUB_SHA|github\.sha/.test(text)) problems.push("GITHUB_SHA is the latest main under workflow_run, not the tested commit");
  // 2. Staging on every green main, then production after staging, through GitHub environments.
  const envOf = (job) => job?.with?.environment ?? job?.environment;
  const stagingJob = Object.entries(jobs).find(([, j]) => envOf(j) === "staging");
  const productionJob = Object.entries(jobs).find(([, j]) => envOf(j) === "production");
  if (!stagingJob) problems.push("no job deploys to the staging environment");
  if (!productionJob) problems.push("no job deploys to the production environment");
  if (stagingJob && productionJob && ![productionJob[1].needs ?? []].flat().includes(stagingJob[0])) problems.push("production must need the staging job");
  if (stagingJob && stagingJob[1].if) problems.push("staging must run on every green main (no extra condition)");
  const env = parseYaml(envText);
  const envJob = Object.values(env.jobs ?? {})[0] ?? {};
  if (envJob.environment !== "${{ inputs.environment }}") problems.push("the deploy job must run in the GitHub environment (OIDC subject environment:<name>, its variables, its reviewers)");
  for (const [, j] of [stagingJob, productionJob].filter(Boolean)) {
    if (j.uses !== "./.github/workflows/deploy-environment.yml") problems.push("environments deploy through deploy-environment.yml");
  }
  // 3. Image push skipped when the tag exists.
  const pushStep = (envJob.steps ?? []).find((st) => /docker push/.test(st.run ?? ""));
  if (!pushStep) problems.push("no push step");
  else {
    const r = pushStep.run;
    const check = r.indexOf("aws ecr describe-images");
    if (check < 0 || check > r.indexOf("docker push") || !/continue|exit 0/.test(r.slice(check, r.indexOf("docker push")))) {
      problems.push("the push step must skip the push when the tag already exists (aws ecr describe-images before docker push)");
    }
  }
  if (/docker build/.test(envText)) problems.push("environments must not rebuild (a rebuild has a new digest): build once in deploy.yml");
  return problems;
}

/** Services-stable must not give up at 10 minutes, and must check the revisions that run. */
export function waitProblems(text, label) {
  const problems = [];
  if (/aws ecs wait services-stable/.test(text)) problems.push(`${label}: aws ecs wait services-stable gives up after 10 minutes and calls a rollback stable`);
  if (!/\.github\/scripts\/ecs-wait-deployed\.sh "\$CLUSTER" \d+/.test(text)) problems.push(`${label}: must wait with .github/scripts/ecs-wait-deployed.sh`);
  for (const svc of ["api", "worker", "frontend"]) {
    if (!text.includes(`"${svc}=\${{ steps.taskdefs.outputs.${svc} }}"`)) problems.push(`${label}: must verify ${svc} runs its new revision`);
  }
  return problems;
}

describe("deploy.yml + deploy-environment.yml", () => {
  const deployText = read(".github/workflows/deploy.yml");
  const envText = read(".github/workflows/deploy-environment.yml");
  const env = parseYaml(envText);
  const steps = stepsOf(env);
  const runOf = (s) => s.run ?? "";

  test("gates: green CI for that commit, staging then production, push skipped when the tag exists", () => {
    assert.deepEqual(deployGates(deployText, envText, read(".github/workflows/ci.yml")), []);
  });

  test("the old single-job deploy.yml fails the gates (the check can fail)", () => {
    const old = "name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          docker build -t $ECR_REGISTRY/power-pto/api:$GITHUB_SHA ./backend\n          docker push $ECR_REGISTRY/power-pto/api:$GITHUB_SHA\n";
    const problems = deployGates(old, old, read(".github/workflows/ci.yml"));
    assert.ok(problems.some((p) => p.includes("workflow_run")));
    assert.ok(problems.some((p) => p.includes("production")));
    assert.ok(problems.some((p) => p.includes("tag already exists")));
  });

  test("deploys never interleave or go backwards: one Deploy run at a time, the order check with the full history", () => {
    const wf = parseYaml(deployText);
    assert.deepEqual(wf.concurrency, { group: "deploy", "cancel-in-progress": false }, "workflow-level concurrency group");
    const checkout = steps.find((s) => s.uses === "actions/checkout@v4");
    assert.equal(checkout.with["fetch-depth"], 0, "git merge-base needs the history");
    const check = steps.find((s) => runOf(s).includes("check-deploy-order.sh"));
    assert.match(runOf(check), /check-deploy-order\.sh "\$CLUSTER" "\$DEPLOY_SHA"/);
    assert.doesNotMatch(read(".github/workflows/rollback.yml"), /check-deploy-order/, "a rollback goes back on purpose");
  });

  test("OIDC credentials from the environment's variables only; no access keys", () => {
    const job = Object.values(env.jobs)[0];
    assert.deepEqual(job.permissions, { "id-token": "write", contents: "read" });
    const creds = steps.find((s) => s.uses === "aws-actions/configure-aws-credentials@v4");
    assert.equal(creds.with["role-to-assume"], "${{ vars.AWS_DEPLOY_ROLE_ARN }}");
    assert.doesNotMatch(deployText + envText, /aws-access-key-id|AWS_SECRET_ACCESS_KEY/);
    assert.equal(job.concurrency.group, "deploy-${{ inputs.environment }}");
  });

  test("steps in the plan's order: credentials, ECR login, push, migrate, register, update x3, wait", () => {
    const index = (pred, what) => {
      const i = steps.findIndex(pred);
      assert.ok(i >= 0, `missing step: ${what}`);
      return i;
    };
    const creds = index((s) => s.uses === "aws-actions/configure-aws-credentials@v4", "configure-aws-credentials@v4");
    const login = index((s) => s.uses === "aws-actions/amazon-ecr-login@v2", "amazon-ecr-login@v2");
    const push = index((s) => runOf(s).includes("docker push"), "push");
    const migrate = index((s) => runOf(s).includes("aws ecs run-task"), "migrate (run-task)");
    const register = index((s) => runOf(s).includes("register-task-definition") && !runOf(s).includes("run-task"), "register task definitions");
    const update = ["api", "worker", "frontend"].map((svc) =>
      index((s) => runOf(s).includes("aws ecs update-service") && new RegExp(`--service ${svc}\\b`).test(runOf(s)), `update ${svc}`));
    const wait = index((s) => runOf(s).includes("ecs-wait-deployed.sh"), "wait");
    const order = index((s) => runOf(s).includes("check-deploy-order.sh"), "the order check");
    const smoke = index((s) => runOf(s).includes("smoke-test.sh"), "the smoke test");
    assert.ok(creds < order && order < push, "the order check runs before anything is pushed or changed");
    assert.ok(creds < login && login < push && push < migrate && migrate < register);
    for (const u of update) assert.ok(register < u && u < wait);
    assert.equal(wait, steps.length - 2, "waiting for stability comes just before the smoke test");
    assert.equal(smoke, steps.length - 1, "the smoke test (readiness 200, this version) is the last step");
    for (const svc of ["api", "worker", "frontend"]) {
      assert.match(runOf(steps[push]), /for service in api worker frontend/);
      assert.match(deployText, new RegExp(`docker build --build-arg APP_VERSION="\\$SHA" -t "power-pto/${svc === "worker" ? "api" : svc}:\\$SHA" \\./${svc === "frontend" ? "frontend" : "backend"}`));
    }
  });

  test("the migrate step runs power-pto-migrate, waits without a 10-minute cap, and fails the deploy on a non-zero exit code", () => {
    const r = runOf(steps.find((x) => runOf(x).includes("aws ecs run-task")));
    assert.match(r, /set -euo pipefail/);
    assert.match(r, /--task-definition power-pto-migrate/);
    assert.match(r, /"name": "api", "command": \["migrate"\]/);
    assert.match(r, /lastStatus[\s\S]*STOPPED/);
    assert.match(r, /if \[ "\$exit_code" != "0" \]; then[\s\S]*?exit 1/);
  });

  test("services are pointed at the new revisions and the wait checks that they run them", () => {
    for (const svc of ["api", "worker", "frontend"]) {
      const s = steps.find((x) => runOf(x).includes("aws ecs update-service") && runOf(x).includes(`--service ${svc}`));
      assert.match(runOf(s), new RegExp(`--task-definition "\\$\\{\\{ steps\\.taskdefs\\.outputs\\.${svc} \\}\\}"`));
    }
    assert.deepEqual(waitProblems(envText, "deploy-environment.yml"), []);
    assert.ok(waitProblems(OLD_WAIT, "old").length > 0, "the old wait fails the check");
  });
});

const OLD_WAIT = "      - name: Wait for services stable\n        run: |\n          aws ecs wait services-stable --cluster \"$CLUSTER\" --services api worker frontend\n";

describe("rollback.yml", () => {
  const wf = workflow("rollback.yml");
  const text = read(".github/workflows/rollback.yml");

  test("manual, per environment, with a sha input; redeploys that SHA's images without migrating", () => {
    assert.deepEqual(Object.keys(wf.on), ["workflow_dispatch"]);
    assert.equal(wf.on.workflow_dispatch.inputs.sha.required, true);
    assert.deepEqual(wf.on.workflow_dispatch.inputs.environment.options, ["staging", "production"]);
    const job = Object.values(wf.jobs)[0];
    assert.equal(job.environment, "${{ inputs.environment }}", "the environment's role, variables and reviewers");
    assert.equal(job.concurrency.group, "deploy-${{ inputs.environment }}", "never at the same time as a deploy");
    assert.doesNotMatch(text, /aws ecs run-task|power-pto-migrate/, "no migration on rollback");
    assert.match(text, /power-pto\/\$service:\$TARGET_SHA/);
    for (const svc of ["api", "worker", "frontend"]) assert.match(text, new RegExp(`update-service --cluster "\\$CLUSTER" --service ${svc} `));
    assert.deepEqual(job.permissions, { "id-token": "write", contents: "read" });
  });

  test("the rollback verifies its result: it fails unless the services run the rollback revisions, then smoke-tests them", () => {
    assert.deepEqual(waitProblems(text, "rollback.yml"), []);
    const steps = Object.values(wf.jobs)[0].steps;
    assert.ok(steps.at(-2).run.includes("ecs-wait-deployed.sh"), "verification before the smoke test");
    assert.match(steps.at(-1).run, /smoke-test\.sh "\$SITE_URL" "\$TARGET_SHA"/);
    const guard = steps.findIndex((s) => (s.run ?? "").includes("check-revision-deployable.sh"));
    const update = steps.findIndex((s) => (s.run ?? "").includes("update-service"));
    assert.ok(guard >= 0 && guard < update, "the bootstrap guard runs before the services are updated");
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
