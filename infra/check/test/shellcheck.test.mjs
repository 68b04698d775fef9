// The shell inside every workflow `run:` step, and the scripts they call, checked with
// shellcheck (Debian package; infra/check/run.sh installs it). GitHub runs `run:` with
// `bash -e {0}`; `${{ … }}` expressions are replaced by a plain word first (GitHub substitutes
// them before the shell sees the script).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { ROOT, read } from "./lib.mjs";

const SHELLCHECK = ["/usr/bin/shellcheck", "/usr/local/bin/shellcheck"].find(existsSync);
const skip = SHELLCHECK ? false : "shellcheck is not installed (infra/check/run.sh installs it)";

/** Tracked shell scripts: *.sh, or a shebang naming sh/bash/dash (node_modules excluded). */
export function repositoryScripts() {
  const r = spawnSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
  const files = r.status === 0 ? r.stdout.split("\0").filter(Boolean) : [];
  assert.ok(files.length > 0, "git ls-files lists the repository");
  return files.filter((rel) => {
    if (rel.includes("node_modules/") || !existsSync(path.join(ROOT, rel))) return false;
    if (rel.endsWith(".sh")) return true;
    const head = readFileSync(path.join(ROOT, rel), "utf8").slice(0, 80);
    return /^#!.*\b(ba|da)?sh\b/.test(head);
  }).sort();
}

export function runSteps(text) {
  const wf = parseYaml(text);
  const out = [];
  for (const [jobName, job] of Object.entries(wf.jobs ?? {})) {
    (job.steps ?? []).forEach((step, i) => {
      if (typeof step.run === "string") out.push({ name: `${jobName}/${step.name ?? `step ${i + 1}`}`, run: step.run, shell: step.shell ?? job.defaults?.run?.shell ?? "bash" });
    });
  }
  return out;
}

export function shellcheck(script, shell = "bash") {
  const dir = mkdtempSync(path.join(tmpdir(), "pto-sc-"));
  const file = path.join(dir, "step.sh");
  const body = script.replace(/\$\{\{[^}]*\}\}/g, "GITHUB_EXPRESSION");
  writeFileSync(file, `#!/usr/bin/env ${shell}\nset -e\n${body}`);
  const r = spawnSync(SHELLCHECK, ["-s", shell === "sh" ? "sh" : "bash", "-f", "gcc", file], { encoding: "utf8" });
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, output: (r.stdout + r.stderr).replaceAll(file, "step") };
}

describe("shellcheck", { skip }, () => {
  const workflows = readdirSync(path.join(ROOT, ".github/workflows")).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of workflows) {
    test(`every run: step of ${file} passes shellcheck`, () => {
      const failures = [];
      for (const step of runSteps(read(`.github/workflows/${file}`))) {
        const r = shellcheck(step.run, step.shell);
        if (r.status !== 0) failures.push(`${step.name}:\n${r.output}`);
      }
      assert.deepEqual(failures, []);
    });
  }

  for (const file of readdirSync(path.join(ROOT, ".github/scripts")).filter((f) => f.endsWith(".sh")).sort()) {
    test(`.github/scripts/${file} passes shellcheck`, () => {
      const r = spawnSync(SHELLCHECK, ["-f", "gcc", path.join(ROOT, ".github/scripts", file)], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    });
  }

  // Every script in the repository (bench, e2e, CI, these checks' own runner), warnings included.
  // A comment that starts with the linter's name is parsed as a directive; an unparsable one stops
  // the linter from checking the rest of the file, so it fails here too.
  for (const rel of repositoryScripts()) {
    test(`${rel} passes shellcheck (warnings included)`, () => {
      const r = spawnSync(SHELLCHECK, ["-S", "warning", "-f", "gcc", path.join(ROOT, rel)], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stdout + r.stderr);
    });
  }

  test("a comment that reads as a directive fails the check", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pto-sc-"));
    const file = path.join(dir, "x.sh");
    writeFileSync(file, "#!/usr/bin/env bash\n# shellcheck (the workflows' shell), iproute2\necho ok\n");
    const r = spawnSync(SHELLCHECK, ["-S", "warning", file]);
    rmSync(dir, { recursive: true, force: true });
    assert.notEqual(r.status, 0);
  });

  test("shellcheck really checks (unquoted expansion is reported)", () => {
    assert.notEqual(shellcheck('docker build -t $ECR_REGISTRY/x:$GITHUB_SHA .\n').status, 0);
  });
});
