// Container health checks, run as ECS runs them (issue 18, defect 1 and 6): every CMD-SHELL
// command of the ECS task definitions is read from the parsed Terraform and executed with
// `/bin/sh -c` where /bin/sh is dash (Debian's and the Temurin image's /bin/sh), against a real
// backend in api and in worker mode, started as the image starts it (the jar extracted and its class
// archive trained by backend/src/main/docker/appcds.sh, the Dockerfile's ENTRYPOINT; issue 30).
// It must pass once the process is up, and fail once it is down.
//
// As root (make test, CI on this machine) each process runs in its own network namespace, so the
// command runs byte for byte (port 8000 inside). Without root the process gets a free port and the
// command's ":8000" is rewritten to it; the output says so.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT, moduleDir, resolve, deepResolve, read } from "./lib.mjs";
import { imageLayout } from "./drill-lib.mjs";

const JAR = path.join(ROOT, "backend/target/power-pto.jar");
const DASH = ["/usr/bin/dash", "/bin/dash"].find(existsSync);
const skip = !existsSync(JAR)
  ? "backend/target/power-pto.jar is missing (infra/check/run.sh builds it)"
  : !DASH ? "dash is not installed (infra/check/run.sh installs it)" : false;

const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"].find(existsSync);
const WGET = ["/usr/bin/wget", "/bin/wget"].find(existsSync);
const isRoot = process.getuid?.() === 0;
const hasIp = spawnSync("ip", ["-V"]).status === 0;
const useNetns = isRoot && hasIp && spawnSync("ip", ["netns", "list"]).status === 0;

/** { api: {command, interval, timeout, retries, startPeriod, env}, worker: …, frontend: … } from the ECS module. */
export async function containerHealthChecks() {
  const d = await moduleDir("ecs");
  const out = {};
  for (const [name, td] of Object.entries(d.resources.aws_ecs_task_definition)) {
    for (const c of deepResolve(d, resolve(d, td.container_definitions))) {
      if (!c.healthCheck) continue;
      const [kind, command] = c.healthCheck.command;
      out[name] = { ...c.healthCheck, kind, shell: command, container: c, variables: d.variables };
    }
  }
  return out;
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** JAVA_TOOL_OPTIONS of the task definition: the variable's default it points at. */
function javaToolOptions(hc) {
  const entry = (hc.container.environment ?? []).find((e) => e.name === "JAVA_TOOL_OPTIONS");
  const m = entry?.value.match(/^\$\{var\.(\w+)\}$/);
  return m ? hc.variables[m[1]].default : entry?.value;
}

class Backend {
  constructor(mode, hc, argv) {
    this.mode = mode;
    this.hc = hc;
    this.argv = argv;
    this.netns = useNetns ? `pto-hc-${process.pid}-${mode}` : null;
    this.log = "";
  }

  wrap(argv) {
    return this.netns ? ["ip", ["netns", "exec", this.netns, ...argv]] : [argv[0], argv.slice(1)];
  }

  async start() {
    this.port = this.netns ? 8000 : await freePort();
    const managementPort = this.netns ? 8081 : await freePort();
    if (this.netns) {
      spawnSync("ip", ["netns", "delete", this.netns]);
      assert.equal(spawnSync("ip", ["netns", "add", this.netns]).status, 0, "ip netns add");
      assert.equal(spawnSync("ip", ["netns", "exec", this.netns, "ip", "link", "set", "lo", "up"]).status, 0, "lo up");
    }
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? "/tmp",
      ENVIRONMENT: "development",
      PORT: String(this.port),
      PTO_MANAGEMENT_PORT: String(managementPort),
      // The task definition's JVM options, and -Xshare:on: the image's class archive must map (decision 0066).
      JAVA_TOOL_OPTIONS: `${javaToolOptions(this.hc) ?? ""} -Xshare:on`,
      LANG: "C.UTF-8",
      TZ: "UTC",
      // make test's run marker: its end-of-run check finds the servers this run left behind.
      ...(process.env.PTO_RUN_ID ? { PTO_RUN_ID: process.env.PTO_RUN_ID } : {}),
    };
    const [cmd, args] = this.wrap(this.argv);
    this.proc = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const keep = (b) => {
      this.log = (this.log + b.toString()).slice(-20000);
      // Remembered when seen: the log's tail may not hold it any more once the process is killed.
      this.pgDataDir ??= this.log.match(/embedded PostgreSQL 17 listening on 127\.0\.0\.1:\d+ \(data ([^)]+)\)/)?.[1];
    };
    this.proc.stdout.on("data", keep);
    this.proc.stderr.on("data", keep);
    this.exited = new Promise((res) => this.proc.once("exit", res));
  }

  /** The task definition's command, as ECS runs CMD-SHELL: /bin/sh -c "<command>" (dash), with its timeout. */
  check() {
    const shell = this.netns ? this.hc.shell : this.hc.shell.replaceAll(":8000", `:${this.port}`);
    const [cmd, args] = this.wrap([DASH, "-c", shell]);
    const r = spawnSync(cmd, args, { encoding: "utf8", timeout: this.hc.timeout * 1000 });
    return { status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
  }

  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      try { process.kill(-this.proc.pid, "SIGKILL"); } catch { /* already gone */ }
      await this.exited;
    }
  }

  cleanup() {
    if (this.netns) spawnSync("ip", ["netns", "delete", this.netns]);
  }
}

describe("ECS container health checks", { skip }, () => {
  let checks;
  before(async () => {
    checks = await containerHealthChecks();
    if (!useNetns) console.log("# not root or no `ip netns`: the health commands run with :8000 rewritten to a free port");
  });

  test("api and worker check liveness with a CMD-SHELL command; the image's HEALTHCHECK is the same command", async () => {
    const c = await containerHealthChecks();
    for (const name of ["api", "worker"]) {
      assert.equal(c[name]?.kind, "CMD-SHELL", `${name}: CMD-SHELL`);
      assert.match(c[name].shell, /\/health\/live\b/, `${name}: liveness, not the database-checking /health`);
    }
    assert.equal(c.api.shell, c.worker.shell);
    const dockerfile = read("backend/Dockerfile").replace(/\\\r?\n\s*/g, " ");
    const hc = dockerfile.match(/^HEALTHCHECK .*? CMD (.*)$/m);
    assert.ok(hc, "backend/Dockerfile HEALTHCHECK in shell form");
    assert.equal(hc[1].trim(), c.api.shell, "the image checks what ECS checks");
    // The program the command runs is installed by the runtime stage of the image.
    const program = c.api.shell.split(/\s+/)[0];
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    assert.match(runtime, new RegExp(`apt-get install [^\\n&]*\\b${program}\\b`), `the image installs ${program}`);
  });

  for (const mode of ["api", "worker"]) {
    describe(`${mode} mode`, () => {
      let backend;
      before(async () => {
        const layout = await imageLayout();
        backend = new Backend(mode, (await containerHealthChecks())[mode], layout.argv(mode));
        await backend.start();
      });
      after(async () => {
        await backend?.stop();
        backend?.cleanup();
      });

      test(`the ${mode} task definition's health command passes once the process is up, under dash`, async () => {
        const hc = backend.hc;
        // ECS allows startPeriod + interval x retries; this shared 2-core machine can start the JVM
        // far slower than a Fargate task, so the test waits longer and reports how long it took.
        const started = Date.now();
        const deadline = started + Math.max(300, hc.startPeriod + hc.interval * hc.retries) * 1000;
        let last;
        for (;;) {
          last = backend.check();
          if (last.status === 0) break;
          assert.equal(backend.proc.exitCode, null, `the ${mode} process exited:\n${backend.log}`);
          assert.ok(Date.now() < deadline, `health command never passed (last: ${last.status} ${last.output})\n${backend.log}`);
          await new Promise((r) => setTimeout(r, 1000));
        }
        console.log(`# ${mode}: health command passed ${Math.round((Date.now() - started) / 1000)} s after start (ECS start period ${hc.startPeriod} s)`);
        // And keeps passing (ECS needs every check to pass, not one).
        for (let i = 0; i < 3; i++) assert.equal(backend.check().status, 0, "passes again");
      });

      test(`the ${mode} health command fails once the process is down`, async () => {
        await backend.stop();
        const r = backend.check();
        assert.notEqual(r.status, 0, `must fail with nothing listening (got ${r.status}: ${r.output})`);
      });

      // The process was killed with SIGKILL (no shutdown hook ran): the embedded PostgreSQL it
      // started must stop anyway, and its throwaway data directory go (issue 30).
      test(`the ${mode} process's embedded PostgreSQL stops after the process is killed`, async () => {
        const dataDir = backend.pgDataDir;
        assert.ok(dataDir, `the ${mode} process started an embedded PostgreSQL:\n${backend.log.slice(-3000)}`);
        const deadline = Date.now() + 30_000;
        while (existsSync(dataDir) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
        assert.ok(!existsSync(dataDir), `${dataDir} (and its server) still there 30 s after the ${mode} process was killed`);
      });
    });
  }
});

// The frontend's check, the same way: frontend/nginx.conf served by a real nginx (as the image
// includes it, on port 80 inside its own network namespace), the task definition's command run
// with dash. In the image /bin/sh and wget are BusyBox's; here Debian's dash and wget.
describe("ECS container health check of the frontend", { skip: skip || (!NGINX ? "nginx is not installed" : !WGET ? "wget is not installed" : false) }, () => {
  let hc, netns, proc, port, dir;
  const wrap = (argv) => (netns ? ["ip", ["netns", "exec", netns, ...argv]] : [argv[0], argv.slice(1)]);
  const check = () => {
    const shell = netns ? hc.shell : hc.shell.replace("http://127.0.0.1/", `http://127.0.0.1:${port}/`);
    const [cmd, args] = wrap([DASH, "-c", shell]);
    return spawnSync(cmd, args, { encoding: "utf8", timeout: hc.timeout * 1000 });
  };

  before(async () => {
    hc = (await containerHealthChecks()).frontend;
    netns = useNetns ? `pto-hc-${process.pid}-frontend` : null;
    port = netns ? 80 : await freePort();
    dir = mkdtempSync(path.join(tmpdir(), "pto-hc-nginx-"));
    chmodSync(dir, 0o755);
    for (const d of ["temp", "html"]) mkdirSync(path.join(dir, d), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dir, "html/index.html"), "<!doctype html><title>pto</title>");
    const site = read("frontend/nginx.conf")
      .replace(/root\s+\/usr\/share\/nginx\/html;/, `root ${dir}/html;`)
      .replace(/^(\s*)listen 80 default_server;/m, `$1listen ${netns ? "80" : `127.0.0.1:${port}`} default_server;`);
    writeFileSync(path.join(dir, "default.conf"), site);
    writeFileSync(path.join(dir, "nginx.conf"), [
      "worker_processes 1;", `pid ${dir}/nginx.pid;`, "error_log stderr warn;", "events { worker_connections 64; }",
      "http {", "  types { text/html html; }", "  default_type application/octet-stream;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/temp/${t};`),
      `  include ${dir}/default.conf;`, "}", ""].join("\n"));
    if (netns) {
      spawnSync("ip", ["netns", "delete", netns]);
      assert.equal(spawnSync("ip", ["netns", "add", netns]).status, 0);
      spawnSync("ip", ["netns", "exec", netns, "ip", "link", "set", "lo", "up"]);
    }
    const [cmd, args] = wrap([NGINX, "-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"]);
    proc = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
    proc.exited = new Promise((res) => proc.once("exit", res));
  });

  after(async () => {
    if (proc && proc.exitCode === null) {
      try { process.kill(-proc.pid, "SIGKILL"); } catch { /* gone */ }
      await proc.exited;
    }
    if (netns) spawnSync("ip", ["netns", "delete", netns]);
  });

  test("the frontend task definition's health command passes against frontend/nginx.conf, under dash", async () => {
    assert.equal(hc.kind, "CMD-SHELL");
    const deadline = Date.now() + (hc.startPeriod + hc.interval * hc.retries) * 1000;
    let r;
    while ((r = check()).status !== 0) {
      assert.ok(Date.now() < deadline, `frontend health command never passed: ${r.status} ${r.stdout}${r.stderr}`);
      await new Promise((res) => setTimeout(res, 250));
    }
  });

  test("and fails once nginx is down", async () => {
    try { process.kill(-proc.pid, "SIGKILL"); } catch { /* gone */ }
    await proc.exited;
    assert.notEqual(check().status, 0);
  });
});
