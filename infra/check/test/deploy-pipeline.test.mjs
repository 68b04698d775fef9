// The deploy and rollback jobs executed end to end against a stand-in AWS (issue 30): the workflows'
// own steps run (actions-runner.mjs) with `aws` parsed and validated by the AWS CLI's rules and
// botocore's API model (Debian's python3-botocore), over task definitions rendered from the Terraform.
//   * ECS payloads: the `jq` round trip describe -> register keeps every field and passes the model's
//     validation (a payload AWS would refuse fails the step, as it would on GitHub);
//   * IAM: every call the jobs make (aws, the ECR login, docker push) is allowed by the deploy role's
//     policy from infra/terraform/modules/iam, with the resources and condition keys AWS checks;
//   * order: a commit older than the one running is refused before anything changes;
//   * the wait script retries throttling and names an expired session, never calling it a rollback;
//   * the smoke test needs readiness 200 with the deployed version; the rollback refuses a bootstrap revision.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync, readFileSync, cpSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { ROOT, ENVS } from "./lib.mjs";
import { runJob, awsCalls, stubBin, exec, startAwsServer, tempDir, REGISTRY, ACCOUNT } from "./actions-runner.mjs";
import {
  describedTaskDefinitions, modelProblems, hasBotocore, deployPolicy, allowed, authorizationsFor, pushAuthorizations, REGION, CLUSTER,
} from "./aws-lib.mjs";

const JQ = ["/usr/bin/jq", "/usr/local/bin/jq"].find(existsSync);
const skip = !hasBotocore() ? "Debian's python3-botocore is not installed (infra/check/run.sh installs it)"
  : !JQ ? "jq is not installed (infra/check/run.sh installs it)" : false;
const SERVICES = ["api", "worker", "frontend"];
const git = (cwd, ...args) => spawnSync("git", args, { cwd, encoding: "utf8" });

/** A stand-in AWS account as Terraform leaves it: revision 1 of each family, services on them. */
async function account(e, { liveVersion = "bootstrap", images = [] } = {}) {
  const tds = await describedTaskDefinitions(e);
  const state = { taskDefinitions: {}, services: {}, images: {} };
  for (const [name, td] of Object.entries(tds)) {
    if (liveVersion !== "bootstrap") {
      for (const c of td.containerDefinitions) {
        c.image = c.image.replace(/:bootstrap$/, `:${liveVersion}`);
        c.environment = c.environment.map((x) => (x.name === "APP_VERSION" ? { ...x, value: liveVersion } : x));
      }
    }
    state.taskDefinitions[td.family] = [td];
    if (name !== "migrate") {
      state.services[name] = {
        serviceName: name, clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`, taskDefinition: td.taskDefinitionArn,
        desiredCount: 1, runningCount: 1, status: "ACTIVE",
        deployments: [{ id: "ecs-svc/0", status: "PRIMARY", rolloutState: "COMPLETED", taskDefinition: td.taskDefinitionArn }],
        networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: [`sg-${name}`], assignPublicIp: "DISABLED" } },
      };
    }
  }
  for (const s of SERVICES) state.images[`power-pto/${s}`] = images;
  return { tds, state };
}

let aws; // the stand-in's server, shared by this file's tests
before(async () => {
  if (!skip) aws = await startAwsServer();
});
after(() => aws?.stop());

/** A work directory with the stand-in's state, call log and docker log. */
function workspace(state) {
  const dir = tempDir("pto-deploy-");
  const files = { FAKE_AWS_STATE: path.join(dir, "state.json"), FAKE_AWS_LOG: path.join(dir, "aws.jsonl"), FAKE_DOCKER_LOG: path.join(dir, "docker.log"),
    FAKE_AWS_SOCKET: aws.socket };
  writeFileSync(files.FAKE_AWS_STATE, JSON.stringify(state));
  return { dir, env: files, state: () => JSON.parse(readFileSync(files.FAKE_AWS_STATE, "utf8")), calls: () => awsCalls(files.FAKE_AWS_LOG),
    docker: () => (existsSync(files.FAKE_DOCKER_LOG) ? readFileSync(files.FAKE_DOCKER_LOG, "utf8").split("\n").filter(Boolean) : []) };
}

/** /api/health of a deployed site: answers `status` with `version`. */
function site(status, version) {
  return new Promise((res) => {
    const server = createServer((req, reply) => {
      reply.writeHead(req.url === "/api/health" ? status : 404, { "content-type": "application/json" });
      reply.end(JSON.stringify({ status: status === 200 ? "ok" : "error", version, environment: "staging" }));
    }).listen(0, "127.0.0.1", () => res({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }));
  });
}

const head = git(ROOT, "rev-parse", "HEAD").stdout.trim();
const failedOutput = (run) => run.steps.filter((s) => s.status !== 0 && s.status !== "skipped").map((s) => `${s.name}:\n${s.output}`).join("\n");

/** IAM problems of everything a job did: its logged aws calls, the actions' calls, docker pushes. */
function iamProblems(statements, ws, run) {
  const problems = [];
  const state = ws.state();
  const checks = [
    ...ws.calls().flatMap((c) => authorizationsFor(c, state).map((x) => ({ ...x, call: `aws ${c.service} ${c.operation}` }))),
    ...run.actions.filter((a) => a.action !== "sts:AssumeRoleWithWebIdentity").map((a) => ({ action: a.action, resource: "*", call: "action" })),
    ...ws.docker().flatMap((l) => pushAuthorizations(l).map((x) => ({ ...x, call: `docker ${l}` }))),
  ];
  assert.ok(checks.length > 10, "the job made calls");
  for (const c of checks) {
    if (!allowed(statements, c.action, c.resource, c.context)) problems.push(`${c.call}: ${c.action} on ${c.resource} ${JSON.stringify(c.context ?? {})}`);
  }
  return problems;
}

describe("deploy and rollback jobs against the AWS API model", { skip }, () => {
  let smoke;
  before(async () => {
    smoke = await site(200, head);
  });
  after(() => smoke?.close());

  test("the rendered task definitions are what DescribeTaskDefinition returns, per the model", async () => {
    const checks = [];
    for (const e of ENVS) {
      const tds = await describedTaskDefinitions(e);
      assert.deepEqual(Object.keys(tds).sort(), ["api", "frontend", "migrate", "worker"]);
      for (const td of Object.values(tds)) checks.push(["ecs", "DescribeTaskDefinition", "output", { taskDefinition: td }]);
    }
    assert.deepEqual(modelProblems(checks), checks.map(() => []));
    // The validator does refuse a wrong shape (a number where the model wants a string).
    const [wrong] = modelProblems([["ecs", "RegisterTaskDefinition", "input", { family: "x", containerDefinitions: [{ name: "a", environment: [{ name: "P", value: 1 }] }] }]]);
    assert.match(wrong.join("\n"), /Invalid type for parameter containerDefinitions\[0\]\.environment\[0\]\.value/);
  });

  for (const e of ENVS) {
    test(`${e}: the deploy job runs through; every registered revision passes the model and equals Terraform's but for image and APP_VERSION; every call is allowed`, async () => {
      const { tds, state } = await account(e);
      const ws = workspace(state);
      const run = await runJob("deploy-environment.yml", "deploy", {
        inputs: { environment: e, sha: head }, vars: { AWS_DEPLOY_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/github-actions-deploy-${e}`, AWS_REGION: REGION, SITE_URL: smoke.url },
        env: ws.env,
      });
      assert.ok(run.ok, `the job failed at "${run.failed}":\n${failedOutput(run)}`);
      const calls = ws.calls();
      const registered = calls.filter((c) => c.operation === "RegisterTaskDefinition").map((c) => c.params);
      assert.deepEqual(registered.map((p) => p.family).sort(), ["power-pto-api", "power-pto-frontend", "power-pto-migrate", "power-pto-worker"]);
      assert.deepEqual(modelProblems(registered.map((p) => ["ecs", "RegisterTaskDefinition", "input", p])), registered.map(() => []));
      for (const params of registered) {
        const name = params.family.replace("power-pto-", "");
        const expected = structuredClone(tds[name]);
        for (const k of ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy"]) delete expected[k];
        for (const c of expected.containerDefinitions) {
          if (c.name === (name === "migrate" ? "api" : name)) {
            c.image = `${REGISTRY}/power-pto/${name === "migrate" ? "api" : name}:${head}`;
            c.environment = [...c.environment.filter((x) => x.name !== "APP_VERSION"), { name: "APP_VERSION", value: head }];
          }
        }
        assert.deepEqual(params, expected, `${params.family}: the jq round trip changes only the image and APP_VERSION`);
      }
      const runTask = calls.find((c) => c.operation === "RunTask");
      assert.deepEqual(runTask.params.overrides, { containerOverrides: [{ name: "api", command: ["migrate"] }] });
      assert.deepEqual(modelProblems([["ecs", "RunTask", "input", runTask.params]]), [[]]);
      assert.equal(ws.docker().filter((l) => l.startsWith("push ")).length, 3, "three images pushed");
      assert.deepEqual(iamProblems(await deployPolicy(e), ws, run), [], "calls the deploy role may not make");
      const creds = run.actions.find((a) => a.action === "sts:AssumeRoleWithWebIdentity");
      assert.ok(creds.durationSeconds >= 90 * 60, "the session outlasts the 90-minute job");
    });
  }

  test("the rollback job runs through against the same account; every call is allowed", async () => {
    const old = "1".repeat(40);
    const { state } = await account("production", { liveVersion: head, images: [old, head] });
    const ws = workspace(state);
    const oldSite = await site(200, old);
    try {
      const run = await runJob("rollback.yml", "rollback", {
        inputs: { environment: "production", sha: old }, vars: { AWS_DEPLOY_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/github-actions-deploy-production`, SITE_URL: oldSite.url },
        env: ws.env,
      });
      assert.ok(run.ok, `the rollback failed at "${run.failed}":\n${failedOutput(run)}`);
      const registered = ws.calls().filter((x) => x.operation === "RegisterTaskDefinition");
      assert.equal(registered.length, 3);
      assert.deepEqual(modelProblems(registered.map((c) => ["ecs", "RegisterTaskDefinition", "input", c.params])), registered.map(() => []));
      assert.ok(!ws.calls().some((c) => c.operation === "RunTask"), "no migration on rollback");
      assert.deepEqual(iamProblems(await deployPolicy("production"), ws, run), []);
    } finally {
      oldSite.close();
    }
  });

  test("the checks can fail: a number where ECS wants a string is refused by the model; a missing permission is reported", async () => {
    const { state } = await account("staging");
    const api = state.taskDefinitions["power-pto-api"][0];
    api.containerDefinitions[0].environment.find((x) => x.name === "SMTP_PORT").value = 587; // tostring() forgotten
    const ws = workspace(state);
    const run = await runJob("deploy-environment.yml", "deploy", {
      inputs: { environment: "staging", sha: head }, vars: { AWS_DEPLOY_ROLE_ARN: "arn:aws:iam::1:role/x", SITE_URL: smoke.url }, env: ws.env,
    });
    assert.equal(run.failed, "Register task definitions");
    assert.match(failedOutput(run), /Invalid type for parameter containerDefinitions\[0\]\.environment\[\d+\]\.value, value: 587/);
    const statements = (await deployPolicy("staging")).filter((st) => !st.actions.includes("ecs:DescribeTaskDefinition"));
    assert.ok(!allowed(statements, "ecs:DescribeTaskDefinition", "*"));
    assert.ok(!allowed(await deployPolicy("staging"), "ecs:RunTask", `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/power-pto-api:3`,
      { "ecs:cluster": `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}` }), "RunTask only for the migrate family");
  });
});

describe("deploys never go backwards (.github/scripts/check-deploy-order.sh)", { skip }, () => {
  let repo, commits;
  before(() => {
    // A history: a <- b <- c on main, d branching from a.
    repo = tempDir("pto-order-");
    const g = (...args) => {
      const r = git(repo, "-c", "user.email=drill@test", "-c", "user.name=drill", ...args);
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim();
    };
    g("init", "-q", "-b", "main");
    commits = {};
    for (const c of ["a", "b", "c"]) {
      g("commit", "-q", "--allow-empty", "-m", c);
      commits[c] = g("rev-parse", "HEAD");
    }
    g("checkout", "-q", "-b", "side", commits.a);
    g("commit", "-q", "--allow-empty", "-m", "d");
    commits.d = g("rev-parse", "HEAD");
    cpSync(path.join(ROOT, ".github"), path.join(repo, ".github"), { recursive: true });
  });

  async function order(live, deploy) {
    const { state } = await account("staging", { liveVersion: live });
    const ws = workspace(state);
    const r = spawnSync("bash", [path.join(ROOT, ".github/scripts/check-deploy-order.sh"), CLUSTER, deploy], {
      cwd: repo, encoding: "utf8", env: { PATH: `${stubBin()}:${process.env.PATH}`, ...ws.env },
    });
    return { status: r.status, output: r.stdout + r.stderr };
  }

  test("the first deploy, a re-run and a descendant pass", async () => {
    assert.equal((await order("bootstrap", commits.b)).status, 0);
    assert.equal((await order(commits.b, commits.b)).status, 0);
    assert.equal((await order(commits.a, commits.c)).status, 0);
  });

  test("an older commit, a side branch and an unknown commit are refused", async () => {
    const older = await order(commits.c, commits.b);
    assert.equal(older.status, 1);
    assert.match(older.output, /not an ancestor of .*move api backwards/);
    assert.equal((await order(commits.d, commits.c)).status, 1);
    assert.match((await order("f".repeat(40), commits.c)).output, /a commit this repository does not have/);
  });

  test("in the deploy job the refusal comes before anything changes", async () => {
    const { state } = await account("production", { liveVersion: commits.c });
    const ws = workspace(state);
    const run = await runJob("deploy-environment.yml", "deploy", {
      inputs: { environment: "production", sha: commits.b }, vars: { AWS_DEPLOY_ROLE_ARN: "arn:aws:iam::1:role/x", SITE_URL: "http://127.0.0.1:9" },
      env: ws.env, cwd: repo,
    });
    assert.equal(run.failed, "Refuse an older commit than the one running");
    const changing = ws.calls().filter((c) => !/^(Describe|List)/.test(c.operation));
    assert.deepEqual(changing, [], "no register, run-task or update before the refusal");
    assert.deepEqual(ws.docker(), [], "nothing pushed");
  });
});

describe("waiting, smoke test and rollback guard, executed", { skip }, () => {
  const waitScript = path.join(ROOT, ".github/scripts/ecs-wait-deployed.sh");

  async function waitWith(failures) {
    const { state, tds } = await account("staging");
    state.failures = failures;
    const ws = workspace(state);
    const r = spawnSync("bash", [waitScript, CLUSTER, "600", `api=${tds.api.taskDefinitionArn}`], {
      encoding: "utf8", env: { PATH: `${stubBin()}:${process.env.PATH}`, ...ws.env }, timeout: 60_000,
    });
    return { status: r.status, output: r.stdout + r.stderr };
  }

  test("throttling is retried: the wait still succeeds", async () => {
    const r = await waitWith([{ operation: "DescribeServices", times: 3, error: "ThrottlingException", message: "Rate exceeded" }]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /retrying/);
  });

  test("an expired session stops the wait with that reason, not as a rollback", async () => {
    const r = await waitWith([{ operation: "DescribeServices", times: 1, error: "ExpiredTokenException", message: "The security token included in the request is expired" }]);
    assert.notEqual(r.status, 0);
    assert.match(r.output, /session expired/);
    assert.doesNotMatch(r.output, /rolled back or replaced/, "the old script's verdict on any failed call");
  });

  test("the smoke test needs 200 with the deployed version", async () => {
    const smoke = (url) => exec("bash", [path.join(ROOT, ".github/scripts/smoke-test.sh"), url, head], {
      env: { PATH: `${stubBin()}:${process.env.PATH}`, SMOKE_TIMEOUT_SECONDS: "1" }, timeout: 60_000,
    });
    for (const [status, version, ok] of [[200, head, true], [503, head, false], [200, "0".repeat(40), false]]) {
      const s = await site(status, version);
      try {
        assert.equal((await smoke(s.url)).status === 0, ok, `${status} ${version}`);
      } finally {
        s.close();
      }
    }
  });

  test("a bootstrap revision is refused; a deployed one passes", async () => {
    const { state, tds } = await account("staging");
    state.taskDefinitions["power-pto-api"].push({ ...structuredClone(tds.api), revision: 2,
      taskDefinitionArn: tds.api.taskDefinitionArn.replace(/:1$/, ":2"),
      containerDefinitions: tds.api.containerDefinitions.map((c) => ({ ...c, image: c.image.replace(":bootstrap", `:${head}`),
        environment: c.environment.map((x) => (x.name === "APP_VERSION" ? { ...x, value: head } : x)) })) });
    const ws = workspace(state);
    const check = (ref) => spawnSync("bash", [path.join(ROOT, ".github/scripts/check-revision-deployable.sh"), ref], {
      encoding: "utf8", env: { PATH: `${stubBin()}:${process.env.PATH}`, ...ws.env },
    });
    const first = check("power-pto-api:1");
    assert.equal(first.status, 1);
    assert.match(first.stdout, /bootstrap revision/);
    assert.equal(check("power-pto-api:2").status, 0);
  });
});
