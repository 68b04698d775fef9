// frontend/nginx.conf: `nginx -t` inside a minimal main config, then a real nginx on a
// loopback port serving a fake build to check the SPA fallback, caching and headers.
// Skipped when no nginx binary is installed (run.sh installs Debian's nginx).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, chmodSync, existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { read } from "./lib.mjs";

const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx", "/usr/bin/nginx"].find(existsSync);
const skip = NGINX ? false : "nginx is not installed (infra/check/run.sh installs it)";

const CSP_REQUIRED = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A temp prefix with a main config that includes the site config like the image does. */
function prefix(siteConf) {
  const dir = mkdtempSync(path.join(tmpdir(), "pto-nginx-"));
  chmodSync(dir, 0o755);
  for (const d of ["temp", "logs", "html", "html/assets"]) mkdirSync(path.join(dir, d), { recursive: true, mode: 0o755 });
  writeFileSync(path.join(dir, "default.conf"), siteConf);
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      "error_log stderr warn;",
      "events { worker_connections 64; }",
      "http {",
      "  types { text/html html; text/css css; application/javascript js; image/svg+xml svg; application/json json; }",
      "  default_type application/octet-stream;",
      "  sendfile on;",
      `  client_body_temp_path ${dir}/temp/client;`,
      `  proxy_temp_path ${dir}/temp/proxy;`,
      `  fastcgi_temp_path ${dir}/temp/fastcgi;`,
      `  uwsgi_temp_path ${dir}/temp/uwsgi;`,
      `  scgi_temp_path ${dir}/temp/scgi;`,
      `  include ${dir}/default.conf;`,
      "}",
      "",
    ].join("\n"),
  );
  return dir;
}

describe("frontend/nginx.conf", { skip }, () => {
  const conf = read("frontend/nginx.conf");

  test("listens on port 80 and has the SPA fallback, health endpoint and CSP", () => {
    assert.match(conf, /^\s*listen 80\b/m);
    assert.match(conf, /try_files \$uri \$uri\/ \/index\.html;/);
    assert.match(conf, /location = \/nginx-health/);
    for (const d of CSP_REQUIRED) assert.ok(conf.includes(d), `CSP ${d}`);
  });

  test("nginx -t accepts it", () => {
    const dir = prefix(conf);
    try {
      const r = spawnSync(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], {
        encoding: "utf8",
        // stdout must be a real file or pipe for `access_log /dev/stdout` (Node's own pipes are sockets).
        stdio: ["ignore", "ignore", "pipe"],
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /test is successful/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("nginx -t rejects a broken config (the check really checks)", () => {
    const dir = prefix(conf.replace("try_files", "try_filez"));
    try {
      const r = spawnSync(NGINX, ["-t", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, /unknown directive "try_filez"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe("served", () => {
    let dir;
    let proc;
    let base;
    const bigJs = "export const x = " + JSON.stringify("a".repeat(4000)) + ";\n";

    before(async () => {
      const port = await freePort();
      dir = prefix("");
      const site = conf
        .replace(/^\s*listen 80 default_server;/m, `    listen 127.0.0.1:${port} default_server;`)
        .replace(/^\s*root\s+\/usr\/share\/nginx\/html;/m, `    root ${dir}/html;`)
        .replace(/access_log \/dev\/stdout pto_json;/, `access_log ${dir}/logs/access.log pto_json;`);
      assert.ok(site.includes(`127.0.0.1:${port}`) && site.includes(`${dir}/html`));
      writeFileSync(path.join(dir, "default.conf"), site);
      writeFileSync(path.join(dir, "html/index.html"), "<!doctype html><title>Power PTO</title><div id=root></div>\n");
      writeFileSync(path.join(dir, "html/assets/index-3f9a1c.js"), bigJs);
      proc = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      proc.stderr.on("data", (b) => (stderr += b));
      base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 100; i++) {
        try {
          await fetch(`${base}/nginx-health`);
          return;
        } catch {
          if (proc.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      throw new Error(`nginx did not start: ${stderr}`);
    });

    after(() => {
      if (proc && proc.exitCode === null) proc.kill("SIGTERM");
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test("/nginx-health answers 200", async () => {
      const r = await fetch(`${base}/nginx-health`);
      assert.equal(r.status, 200);
      assert.equal((await r.text()).trim(), "ok");
    });

    test("client routes fall back to index.html, revalidated every load, with security headers", async () => {
      const r = await fetch(`${base}/requests/42/edit`);
      assert.equal(r.status, 200);
      assert.match(await r.text(), /Power PTO/);
      assert.equal(r.headers.get("cache-control"), "no-cache");
      const csp = r.headers.get("content-security-policy");
      for (const d of CSP_REQUIRED) assert.ok(csp.includes(d), `CSP ${d}`);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff");
      assert.ok(r.headers.get("referrer-policy"));
      assert.equal(r.headers.get("x-frame-options"), "DENY");
      assert.equal(r.headers.get("server"), "nginx", "no version in the Server header");
    });

    test("hashed assets: immutable for a year, gzip-compressed; a missing asset is a 404", async () => {
      const r = await fetch(`${base}/assets/index-3f9a1c.js`, { headers: { "accept-encoding": "gzip" } });
      assert.equal(r.status, 200);
      assert.equal(r.headers.get("cache-control"), "public, max-age=31536000, immutable");
      assert.equal(r.headers.get("content-encoding"), "gzip");
      assert.equal(await r.text(), bigJs);
      assert.ok(r.headers.get("content-security-policy"), "security headers on assets too");
      const missing = await fetch(`${base}/assets/missing-000000.js`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get("cache-control"), null, "a 404 is not cached as immutable");
    });

    test("/api/* is never answered with the SPA shell", async () => {
      const r = await fetch(`${base}/api/employees`);
      assert.equal(r.status, 404);
      assert.match(r.headers.get("content-type"), /application\/json/);
    });

    test("access log lines are JSON with the plan's fields", async () => {
      await fetch(`${base}/`);
      await new Promise((r) => setTimeout(r, 100));
      const lines = readFileSync(path.join(dir, "logs/access.log"), "utf8").trim().split("\n");
      const entry = JSON.parse(lines.at(-1));
      for (const f of ["timestamp", "level", "service", "request_id", "message", "duration_ms"]) assert.ok(f in entry, f);
      assert.equal(entry.service, "frontend");
      assert.equal(typeof entry.duration_ms, "number");
    });
  });
});
