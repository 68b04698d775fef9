// A small runner for one job of a GitHub Actions workflow, so that the checks execute the workflows'
// own steps instead of reading them (issue 30). Each `run:` step's text goes through GitHub's
// expression substitution and runs as GitHub runs it (`bash --noprofile --norc -eo pipefail`), with
// GITHUB_OUTPUT and the step/job environment; `uses:` steps are played by small handlers for the
// actions the workflows use. AWS is infra/check/aws/fake-aws.py (the AWS CLI's parsing and botocore's
// model and validator, answering from a state file), docker a recorder, sleep nearly instant.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, existsSync, symlinkSync, chmodSync, cpSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ROOT, read } from "./lib.mjs";

export const FAKE_AWS = path.join(ROOT, "infra/check/aws/fake-aws.py");

// Temp directories of this process (checkouts, step files, stub bins), removed when it exits.
const temporary = [];
process.on("exit", () => temporary.forEach((d) => rmSync(d, { recursive: true, force: true })));
export const tempDir = (prefix) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temporary.push(d);
  return d;
};
export const ACCOUNT = "123456789012";
export const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;

/** A directory to put first on PATH: aws (the stand-in), docker (a recorder), sleep (0.01 s). */
export function stubBin() {
  const dir = tempDir("pto-actions-bin-");
  symlinkSync(FAKE_AWS, path.join(dir, "aws"));
  writeFileSync(path.join(dir, "docker"), `#!/usr/bin/env bash
# Records docker calls (FAKE_DOCKER_LOG); 'docker load' reads its input like the real one.
printf '%s\\n' "$*" >>"\${FAKE_DOCKER_LOG:-/dev/null}"
if [ "$1" = load ]; then cat >/dev/null; fi
`);
  writeFileSync(path.join(dir, "sleep"), "#!/bin/sh\nexec /bin/sleep 0.01\n");
  for (const f of ["docker", "sleep"]) chmodSync(path.join(dir, f), 0o755);
  return dir;
}

/** GitHub's `${{ … }}`: dotted context lookups, 'literals', `a || b`, `a == b`. Unknown -> "". */
export function evaluate(expr, ctx) {
  const or = expr.split("||").map((s) => s.trim());
  if (or.length > 1) {
    for (const part of or) {
      const v = evaluate(part, ctx);
      if (v !== "" && v !== undefined && v !== null && v !== false) return v;
    }
    return "";
  }
  const eq = expr.match(/^(.+?)\s*==\s*(.+)$/);
  if (eq) return evaluate(eq[1], ctx) === evaluate(eq[2], ctx);
  const lit = expr.match(/^'(.*)'$/);
  if (lit) return lit[1];
  let v = ctx;
  for (const key of expr.split(".")) v = v?.[key];
  return v ?? "";
}

export function substitute(text, ctx) {
  return String(text).replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, e) => String(evaluate(e, ctx)));
}

const USES = {
  "actions/checkout@v4": () => ({}),
  "aws-actions/configure-aws-credentials@v4": (step, ctx, log) => {
    log.push({ action: "sts:AssumeRoleWithWebIdentity", role: substitute(step.with?.["role-to-assume"], ctx),
      durationSeconds: Number(step.with?.["role-duration-seconds"] ?? 3600) });
    return {};
  },
  "aws-actions/amazon-ecr-login@v2": (step, ctx, log) => {
    log.push({ action: "ecr:GetAuthorizationToken" });
    return { registry: REGISTRY };
  },
  "actions/download-artifact@v4": (step, ctx, log, cwd) => {
    writeFileSync(path.join(cwd, "images.tar.gz"), gzipSync(Buffer.alloc(0)));
    return {};
  },
};

/** spawn as a promise: { status, stdout, stderr } (async, so a server in this process can answer the child). */
export function exec(cmd, args, { input, timeout = 120_000, ...options } = {}) {
  return new Promise((res) => {
    const child = spawn(cmd, args, { ...options, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stdout.on("data", (b) => { stdout += b; });
    child.stderr.on("data", (b) => { stderr += b; });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      res({ status: status ?? signal, stdout, stderr });
    });
    if (input !== undefined) {
      child.stdin.on("error", () => { /* the child did not read its input */ });
      child.stdin.end(input);
    }
  });
}

/**
 * The stand-in as one long-lived process (botocore and the models loaded once); `aws` calls become thin
 * clients when FAKE_AWS_SOCKET is in their environment. stop() ends it (by its pid).
 */
export async function startAwsServer() {
  const dir = tempDir("pto-fake-aws-");
  const socket = path.join(dir, "aws.sock");
  const proc = spawn(FAKE_AWS, ["--serve", socket], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  proc.stderr.on("data", (b) => { errors += b; });
  for (let i = 0; i < 200 && !existsSync(socket); i++) {
    if (proc.exitCode !== null) throw new Error(`the AWS stand-in did not start: ${errors}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!existsSync(socket)) throw new Error(`the AWS stand-in did not open ${socket}: ${errors}`);
  return { socket, stop: () => { if (proc.exitCode === null) proc.kill("SIGTERM"); } };
}

/** A stand-in for the job's checkout: a temp directory with the repository's .github (the steps' scripts). */
export function checkout() {
  const dir = tempDir("pto-checkout-");
  cpSync(path.join(ROOT, ".github"), path.join(dir, ".github"), { recursive: true });
  return dir;
}

/**
 * Runs job `jobName` of `.github/workflows/<file>`. Returns { ok, failed, steps: [{ name, status, output }], actions }.
 * options: inputs, vars, cwd (the checkout; default a fresh checkout()), env (added to every step, e.g. FAKE_AWS_STATE).
 */
export async function runJob(file, jobName, { inputs = {}, vars = {}, cwd = checkout(), env = {}, github = {} } = {}) {
  const wf = parseYaml(read(`.github/workflows/${file}`));
  const job = wf.jobs[jobName];
  if (!job) throw new Error(`${file}: no job ${jobName}`);
  const bin = stubBin();
  const ctx = { inputs, vars, github, steps: {}, env: {} };
  for (const [k, v] of Object.entries(job.env ?? {})) ctx.env[k] = substitute(v, ctx);
  const actions = [];
  const steps = [];
  for (const [i, step] of (job.steps ?? []).entries()) {
    const name = step.name ?? step.uses ?? `step ${i + 1}`;
    if (step.if !== undefined && !evaluate(String(step.if).replace(/^\$\{\{\s*|\s*\}\}$/g, ""), ctx)) {
      steps.push({ name, status: "skipped", output: "" });
      continue;
    }
    if (step.uses) {
      const handler = USES[step.uses];
      if (!handler) throw new Error(`${file}: no handler for uses: ${step.uses}`);
      const outputs = handler(step, ctx, actions, cwd);
      if (step.id) ctx.steps[step.id] = { outputs };
      steps.push({ name, status: 0, output: "" });
      continue;
    }
    const dir = tempDir("pto-step-");
    const script = path.join(dir, "step.sh");
    const outputFile = path.join(dir, "output");
    writeFileSync(script, substitute(step.run, ctx));
    writeFileSync(outputFile, "");
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v, ctx)]));
    const r = await exec("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      env: { PATH: `${bin}:${process.env.PATH}`, HOME: dir, LANG: "C.UTF-8", GITHUB_OUTPUT: outputFile, ...ctx.env, ...env, ...stepEnv },
    });
    const outputs = {};
    for (const line of readFileSync(outputFile, "utf8").split("\n")) {
      const m = line.match(/^([\w-]+)=(.*)$/);
      if (m) outputs[m[1]] = m[2];
    }
    if (step.id) ctx.steps[step.id] = { outputs };
    steps.push({ name, status: r.status, output: `${r.stdout}${r.stderr}` });
    if (r.status !== 0) return { ok: false, failed: name, steps, actions };
  }
  return { ok: true, failed: null, steps, actions };
}

/** The AWS calls the stand-in logged (JSON lines). */
export function awsCalls(logFile) {
  return existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
}
