// Dockerfiles: linted with dockerfile-utils, and the plan's promises (non-root, health
// check, ports, one backend image for api/worker/migrate, APP_VERSION from the SHA).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { validate } from "dockerfile-utils";
import { read, exists } from "./lib.mjs";

/** Instructions as { op, args } with line continuations joined, grouped by stage. */
function parseDockerfile(text) {
  const lines = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  const stages = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [, op, args] = line.match(/^(\S+)\s*(.*)$/);
    const ins = { op: op.toUpperCase(), args: args.replace(/\s+/g, " ") };
    if (ins.op === "FROM") stages.push({ from: ins.args, instructions: [] });
    else if (ins.op === "ARG" && stages.length === 0) continue;
    stages.at(-1).instructions.push(ins);
  }
  return stages;
}

const ops = (stage, op) => stage.instructions.filter((i) => i.op === op).map((i) => i.args);

function lint(rel) {
  const diagnostics = validate(read(rel));
  return diagnostics.map((d) => `${rel}:${d.range.start.line + 1}: ${d.message}`);
}

function assertNonRoot(stage, rel) {
  const users = ops(stage, "USER");
  assert.ok(users.length > 0, `${rel}: final stage sets USER`);
  const user = users.at(-1).split(":")[0];
  assert.ok(!["root", "0"].includes(user), `${rel}: runs as non-root (USER ${user})`);
}

describe("backend/Dockerfile", () => {
  const rel = "backend/Dockerfile";
  const stages = parseDockerfile(read(rel));
  const final = stages.at(-1);

  test("lints clean", () => {
    assert.deepEqual(lint(rel), []);
  });

  test("multi-stage: Maven build on JDK 17, slim JRE 17 runtime", () => {
    assert.equal(stages.length, 2);
    assert.match(stages[0].from, /^maven:3\.9-eclipse-temurin-17 AS build$/i);
    assert.equal(final.from, "eclipse-temurin:17-jre");
    assert.ok(ops(stages[0], "RUN").some((r) => /mvn .*package/.test(r) && r.includes("target/power-pto.jar")), "builds target/power-pto.jar");
    assert.ok(ops(final, "COPY").some((c) => c.includes("--from=build") && c.includes("/src/app.jar ")));
  });

  test("non-root, EXPOSE 8000, HEALTHCHECK on 8000 /health/live (liveness, works under dash)", () => {
    assertNonRoot(final, rel);
    assert.deepEqual(ops(final, "EXPOSE"), ["8000"]);
    const hc = ops(final, "HEALTHCHECK");
    assert.equal(hc.length, 1);
    assert.match(hc[0], /127\.0\.0\.1:8000\/health\/live/);
    assert.doesNotMatch(hc[0], /\/dev\/tcp/, "bash-only /dev/tcp: ECS runs CMD-SHELL with /bin/sh (dash)");
  });

  test("ships the Amazon RDS CA bundle where DATABASE_URL's sslrootcert points", () => {
    const runs = ops(final, "RUN").join("\n");
    assert.match(runs, /curl -fsSL [^\n]*-o \/etc\/ssl\/rds\/global-bundle\.pem https:\/\/truststore\.pki\.rds\.amazonaws\.com\/global\/global-bundle\.pem/);
    for (const rel of ["docs/operations.md", "infra/terraform/modules/secrets/main.tf"]) {
      const text = read(rel);
      assert.ok(text.includes("sslmode=verify-full"), `${rel}: sslmode=verify-full`);
      assert.ok(text.includes("sslrootcert=/etc/ssl/rds/global-bundle.pem"), `${rel}: sslrootcert at the bundle`);
      assert.doesNotMatch(text, /[?&]sslmode=require/, `${rel}: no URL with sslmode=require (does not verify the server)`);
    }
  });

  test("one image for api, worker and migrate: ENTRYPOINT java with the class archive, CMD api", () => {
    assert.deepEqual(JSON.parse(ops(final, "ENTRYPOINT")[0]), ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/power-pto.jar"]);
    assert.deepEqual(JSON.parse(ops(final, "CMD")[0]), ["api"]);
  });

  test("class-data sharing: the runtime stage extracts the jar into /app and trains /app/app.jsa with src/main/docker/appcds.sh", () => {
    const copies = ops(final, "COPY");
    assert.ok(copies.some((c) => c.includes("--from=build") && c.endsWith("/src/src/main/docker/appcds.sh /usr/local/bin/power-pto-appcds")));
    assert.ok(ops(final, "RUN").some((r) => /^sh \/usr\/local\/bin\/power-pto-appcds \/tmp\/power-pto-build\.jar \/app\b/.test(r)));
    // The bench and the first-deploy drill prepare the jar with this same script (appcds.test.mjs runs it).
    assert.match(read("backend/src/main/docker/appcds.sh"), /-XX:ArchiveClassesAtExit=/);
  });

  test("APP_VERSION build-arg baked in; JVM sized by JAVA_TOOL_OPTIONS MaxRAMPercentage", () => {
    assert.ok(ops(final, "ARG").some((a) => a.startsWith("APP_VERSION")));
    const env = ops(final, "ENV").join(" ");
    assert.match(env, /APP_VERSION=\$\{APP_VERSION\}/);
    assert.match(env, /JAVA_TOOL_OPTIONS="[^"]*-XX:MaxRAMPercentage=/);
  });

  test(".dockerignore keeps the build context to pom.xml and src/", () => {
    assert.ok(exists("backend/.dockerignore"));
    const ignore = read("backend/.dockerignore");
    assert.match(ignore, /^\*$/m);
    assert.match(ignore, /^!pom\.xml$/m);
    assert.match(ignore, /^!src\/$/m);
  });
});

describe("frontend/Dockerfile", () => {
  const rel = "frontend/Dockerfile";
  const stages = parseDockerfile(read(rel));
  const final = stages.at(-1);

  test("lints clean", () => {
    assert.deepEqual(lint(rel), []);
  });

  test("node 20 build (npm ci && npm run build) -> unprivileged nginx", () => {
    assert.match(stages[0].from, /^node:20[\w.-]* AS build$/i);
    const runs = ops(stages[0], "RUN");
    assert.ok(runs.some((r) => r.startsWith("npm ci")));
    assert.ok(runs.some((r) => r === "npm run build"));
    assert.match(final.from, /^nginxinc\/nginx-unprivileged:/);
    const copies = ops(final, "COPY");
    assert.ok(copies.some((c) => /nginx\.conf \/etc\/nginx\/conf\.d\/default\.conf$/.test(c)));
    assert.ok(copies.some((c) => c.includes("--from=build") && /\/dist \/usr\/share\/nginx\/html$/.test(c)));
  });

  test("non-root, EXPOSE 80, HEALTHCHECK on /nginx-health", () => {
    assertNonRoot(final, rel);
    assert.deepEqual(ops(final, "EXPOSE"), ["80"]);
    assert.match(ops(final, "HEALTHCHECK")[0], /\/nginx-health/);
  });

  test(".dockerignore excludes node_modules and build output", () => {
    const ignore = read("frontend/.dockerignore");
    assert.match(ignore, /^node_modules$/m);
    assert.match(ignore, /^dist$/m);
  });
});

test("the linter really lints (a broken Dockerfile is reported)", () => {
  assert.ok(validate("FROM alpine\nEXPOSE not-a-port\nFROOM x\n").length >= 2);
});
