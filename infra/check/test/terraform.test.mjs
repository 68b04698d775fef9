// The deployment plan's promises, asserted over the Terraform parsed to JSON (no
// Terraform binary needed).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, cpSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  loadAllTerraform, moduleDir, stackDir, envValues, envBackend, MODULES, ENVS, resolve, deepResolve, stringSet, blocks, sgName,
  exists, read, TF_ROOT,
} from "./lib.mjs";

const first = (v) => blocks(v)[0];

describe("terraform layout", () => {
  test("every .tf file parses; every module, the stack and both environments exist", async () => {
    const all = await loadAllTerraform();
    assert.ok(all.length >= 40, `expected the modules and the stack, found ${all.length} .tf files`);
    for (const m of MODULES) await moduleDir(m);
    await stackDir();
    for (const e of ENVS) {
      assert.equal((await envValues(e)).environment, e, `${e}.tfvars`);
      await envBackend(e);
    }
  });

  test("one root module: no per-environment copy of the wiring", () => {
    assert.ok(!exists("infra/terraform/envs"), "infra/terraform/envs is gone (the stack + environments/<env>.tfvars replace it)");
  });

  test("every module and the stack pin the AWS provider to ~> 5.x", async () => {
    for (const dir of [...MODULES.map((m) => `modules/${m}`), "stack"]) {
      const d = dir === "stack" ? await stackDir() : await moduleDir(dir.slice(8));
      const providers = d.terraform.flatMap((t) => blocks(t.required_providers));
      const aws = providers.map((p) => p.aws).find(Boolean);
      assert.ok(aws, `${dir}: required_providers.aws`);
      assert.equal(aws.source, "hashicorp/aws", dir);
      assert.match(aws.version, /^~>\s*5\.\d+/, `${dir}: aws provider pinned to ~> 5.x`);
    }
  });

  test("each environment keeps remote state in its own S3 bucket and key, encrypted, with locking", async () => {
    const d = await stackDir();
    const s3 = d.terraform.map((t) => first(t.backend?.s3)).find(Boolean);
    assert.ok(s3, 'stack: backend "s3"');
    assert.equal(s3.encrypt, true, "encrypted state");
    assert.ok(s3.use_lockfile === true || typeof s3.dynamodb_table === "string", "state locking");
    const seen = new Set();
    for (const e of ENVS) {
      const b = await envBackend(e);
      assert.ok(b.bucket.includes(e) && b.key.includes(e), `${e}: own bucket and key`);
      assert.ok(!seen.has(b.bucket + b.key));
      seen.add(b.bucket + b.key);
    }
  });

  test("the stack composes every module", async () => {
    const d = await stackDir();
    const sources = Object.values(d.modules).map((m) => m.source).sort();
    assert.deepEqual(sources, MODULES.map((m) => `../modules/${m}`).sort());
  });

  test("environments differ only where the plan's configuration table (or the account) says", async () => {
    const staging = await envValues("staging");
    const production = await envValues("production");
    assert.deepEqual(Object.keys(staging).sort(), Object.keys(production).sort(), "the same variables are set");
    const differ = Object.keys(staging).filter((k) => JSON.stringify(staging[k]) !== JSON.stringify(production[k])).sort();
    const allowed = ["environment", "domain_name", "swagger_ui_enabled", "db_multi_az", "api_desired_count", "api_min_count",
      "api_max_count", "log_retention_days", "alb_deletion_protection", "vpc_cidr", "interface_endpoints"];
    assert.deepEqual(differ.filter((k) => !allowed.includes(k)), [], "unexpected per-environment differences");
    // The plan's table.
    assert.equal(staging.swagger_ui_enabled, true);
    assert.equal(production.swagger_ui_enabled, false);
    assert.equal(staging.db_multi_az, false);
    assert.equal(production.db_multi_az, true);
    assert.equal(staging.api_desired_count, 1);
    assert.ok(production.api_desired_count >= 2 && production.api_min_count >= 2);
    for (const v of [staging, production]) {
      assert.equal(v.worker_desired_count, 1);
      assert.equal(v.log_level, "INFO");
      assert.equal(v.frontend_desired_count, 2);
    }
    assert.equal(staging.log_retention_days, 30);
    assert.equal(production.log_retention_days, 90);
    assert.notEqual(staging.domain_name, production.domain_name);
  });

  test("the stack passes the environment's values through, CORS from its domain", async () => {
    const d = await stackDir();
    assert.match(d.variables.environment.validation[0].condition, /contains\(\["staging", "production"\], var\.environment\)/);
    assert.equal(d.modules.ecs.environment, "${var.environment}");
    assert.equal(d.modules.observability.environment, "${var.environment}");
    assert.equal(d.modules.iam.environment, "${var.environment}");
    assert.equal(d.modules.ecs.cors_origins, "https://${var.domain_name}");
    assert.equal(d.modules.ecs.swagger_ui_enabled, "${var.swagger_ui_enabled}");
    assert.equal(d.modules.database.multi_az, "${var.db_multi_az}");
    assert.equal(d.modules.database.log_retention_days, "${var.log_retention_days}");
    assert.equal(d.modules.observability.log_retention_days, "${var.log_retention_days}");
    for (const k of ["api_desired_count", "api_min_count", "api_max_count", "worker_desired_count", "frontend_desired_count"]) {
      assert.equal(d.modules.ecs[k], `\${var.${k}}`, k);
    }
  });
});

// `terraform fmt` needs no provider: it runs here whenever a terraform binary is installed (CI's
// terraform job runs it with the rest). With PTO_TF_PROVIDER_MIRROR (a filesystem mirror holding
// hashicorp/aws), validate and the mocked plans of stack/tests run offline too.
const TERRAFORM = spawnSync("terraform", ["version"]).status === 0 ? "terraform" : null;
const tfEnv = () => {
  const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
  delete env.TF_CLI_CONFIG_FILE;
  return env;
};

describe("terraform binary", { skip: TERRAFORM ? false : "no terraform binary (CI's terraform job runs these)" }, () => {
  test("terraform fmt: every file is formatted", () => {
    const r = spawnSync(TERRAFORM, ["fmt", "-check", "-recursive", "-diff", TF_ROOT], { encoding: "utf8", env: tfEnv() });
    assert.equal(r.status, 0, `terraform fmt -check -recursive:\n${r.stdout}${r.stderr}`);
  });

  test("terraform init, validate and test (both environments) with a local provider mirror", { skip: process.env.PTO_TF_PROVIDER_MIRROR ? false : "PTO_TF_PROVIDER_MIRROR not set" }, () => {
    const work = mkdtempSync(path.join(tmpdir(), "pto-tf-"));
    cpSync(TF_ROOT, path.join(work, "terraform"), { recursive: true, filter: (src) => !src.includes(".terraform") });
    const rc = path.join(work, "terraformrc");
    writeFileSync(rc, `provider_installation {\n  filesystem_mirror {\n    path = "${process.env.PTO_TF_PROVIDER_MIRROR}"\n  }\n}\n`);
    const env = { ...tfEnv(), TF_CLI_CONFIG_FILE: rc };
    const cwd = path.join(work, "terraform/stack");
    const tf = (...args) => {
      const r = spawnSync(TERRAFORM, args, { cwd, env, encoding: "utf8" });
      assert.equal(r.status, 0, `terraform ${args.join(" ")}:\n${r.stdout}${r.stderr}`);
    };
    try {
      tf("init", "-backend=false", "-input=false", "-no-color");
      tf("validate", "-no-color");
      for (const e of ENVS) tf("test", "-no-color", `-var-file=environments/${e}.tfvars`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("network", () => {
  test("VPC, 2 public + 2 private subnets across 2 AZs, NAT gateway", async () => {
    const d = await moduleDir("network");
    assert.ok(d.resources.aws_vpc?.main);
    for (const tier of ["public", "private"]) {
      const s = d.resources.aws_subnet[tier];
      assert.equal(s.count, 2, `${tier} subnets`);
      assert.match(s.availability_zone, /var\.availability_zones\[count\.index\]/, `${tier} subnets spread over the AZs`);
    }
    assert.match(d.variables.availability_zones.validation[0].condition, /length\(var\.availability_zones\) == 2/);
    assert.ok(d.resources.aws_nat_gateway?.main, "NAT gateway");
    assert.match(first(d.resources.aws_route_table.private.route).nat_gateway_id, /aws_nat_gateway\.main/);
    assert.equal(d.resources.aws_subnet.public.map_public_ip_on_launch, false);
  });

  test("VPC endpoints for ECR api+dkr, Secrets Manager, CloudWatch Logs (production only), S3 gateway", async () => {
    const d = await moduleDir("network");
    const services = Object.values(d.locals.interface_endpoints).map((s) => s.replace("com.amazonaws.${var.region}.", ""));
    for (const s of ["ecr.api", "ecr.dkr", "secretsmanager", "logs"]) assert.ok(services.includes(s), `interface endpoint ${s}`);
    assert.equal(d.resources.aws_vpc_endpoint.interface.vpc_endpoint_type, "Interface");
    assert.equal(d.resources.aws_vpc_endpoint.interface.private_dns_enabled, true);
    assert.equal(d.resources.aws_vpc_endpoint.interface.for_each, "${var.interface_endpoints ? local.interface_endpoints : {}}");
    assert.equal(d.resources.aws_security_group.endpoints.count, "${var.interface_endpoints ? 1 : 0}");
    assert.equal(d.resources.aws_vpc_endpoint.s3.vpc_endpoint_type, "Gateway");
    assert.match(d.resources.aws_vpc_endpoint.s3.service_name, /\.s3$/);
    // Staging pays for no interface endpoints (its traffic goes through the NAT gateway, which it keeps).
    assert.equal((await envValues("staging")).interface_endpoints, false);
    assert.equal((await envValues("production")).interface_endpoints, true);
    assert.equal((await stackDir()).modules.network.interface_endpoints, "${var.interface_endpoints}");
    assert.ok(d.resources.aws_nat_gateway.main, "the NAT gateway stays in every environment");
  });

  test("VPC flow logs: every flow, to the log bucket", async () => {
    const d = await moduleDir("network");
    const f = d.resources.aws_flow_log.vpc;
    assert.equal(f.traffic_type, "ALL");
    assert.equal(f.log_destination_type, "s3");
    assert.equal(f.log_destination, "${var.flow_log_bucket_arn}/vpc-flow-logs/");
    assert.equal((await stackDir()).modules.network.flow_log_bucket_arn, "${module.logging.bucket_arn}");
  });
});

describe("security groups", () => {
  const open = (r) => r.cidr_ipv4 === "0.0.0.0/0" || r.cidr_ipv6 === "::/0";

  test("no inline or legacy rules anywhere (every rule is visible to these checks)", async () => {
    for (const m of MODULES) {
      const d = await moduleDir(m);
      assert.equal(d.resources.aws_security_group_rule, undefined, `${m}: aws_security_group_rule`);
      for (const [name, sg] of Object.entries(d.resources.aws_security_group ?? {})) {
        assert.equal(sg.ingress, undefined, `${m}.${name}: inline ingress`);
        assert.equal(sg.egress, undefined, `${m}.${name}: inline egress`);
      }
    }
  });

  test("only the ALB group accepts traffic from the internet, and only on 80 and 443", async () => {
    const openRules = [];
    for (const m of MODULES) {
      const d = await moduleDir(m);
      for (const [name, r] of Object.entries(d.resources.aws_vpc_security_group_ingress_rule ?? {})) {
        if (open(r)) openRules.push({ module: m, name, sg: sgName(r.security_group_id), port: r.from_port, to: r.to_port });
      }
    }
    assert.deepEqual(
      openRules.map((r) => `${r.module}/${r.sg}:${r.port}-${r.to}`).sort(),
      ["security/alb:443-443", "security/alb:80-80"],
    );
  });

  test("api 8000 from the ALB only; worker no ingress; db 5432 from api + worker only; frontend 80 from the ALB only", async () => {
    const d = await moduleDir("security");
    assert.deepEqual(Object.keys(d.resources.aws_security_group).sort(), ["alb", "api", "db", "frontend", "rotation", "worker"]);
    const ingress = {};
    for (const r of Object.values(d.resources.aws_vpc_security_group_ingress_rule)) {
      const sg = sgName(r.security_group_id);
      ingress[sg] ??= [];
      ingress[sg].push(`${r.ip_protocol}:${r.from_port}-${r.to_port}<-${r.referenced_security_group_id ? sgName(r.referenced_security_group_id) : r.cidr_ipv4 ?? r.cidr_ipv6 ?? r.prefix_list_id}`);
    }
    for (const k of Object.keys(ingress)) ingress[k].sort();
    assert.deepEqual(ingress, {
      alb: ["tcp:443-443<-0.0.0.0/0", "tcp:80-80<-0.0.0.0/0"],
      api: ["tcp:8000-8000<-alb"],
      db: ["tcp:5432-5432<-api", "tcp:5432-5432<-rotation", "tcp:5432-5432<-worker"],
      frontend: ["tcp:80-80<-alb"],
    });
    assert.equal(ingress.worker, undefined, "worker: egress only");
    assert.equal(ingress.rotation, undefined, "rotation function: egress only");
    const dbEgress = Object.values(d.resources.aws_vpc_security_group_egress_rule).filter((r) => sgName(r.security_group_id) === "db");
    assert.deepEqual(dbEgress, [], "db: no egress rules");
  });
});

describe("database", () => {
  test("RDS PostgreSQL 17: encrypted, 7-day backups, deletion protection, managed password", async () => {
    const d = await moduleDir("database");
    const db = d.resources.aws_db_instance.main;
    assert.equal(db.engine, "postgres");
    assert.equal(db.engine_version, "17");
    assert.equal(db.storage_encrypted, true);
    assert.equal(db.backup_retention_period, 7);
    assert.equal(db.deletion_protection, true);
    assert.equal(db.manage_master_user_password, true);
    assert.equal(db.publicly_accessible, false);
    assert.equal(db.multi_az, "${var.multi_az}");
    assert.equal(db.password, undefined, "no password in code");
    assert.equal(db.instance_class, "${var.instance_class}");
    assert.equal(d.variables.instance_class.default, "db.t4g.medium");
    assert.equal(d.variables.allocated_storage.default, 50);
    assert.match(db.db_subnet_group_name, /aws_db_subnet_group\.private/);
    assert.deepEqual(db.vpc_security_group_ids, ["${var.db_security_group_id}"]);
  });

  test("parameter group forces TLS", async () => {
    const d = await moduleDir("database");
    const pg = d.resources.aws_db_parameter_group.postgres17;
    assert.equal(pg.family, "postgres17");
    const ssl = blocks(pg.parameter).find((p) => p.name === "rds.force_ssl");
    assert.equal(String(ssl?.value), "1");
  });

  test("parameter group is replaceable (name_prefix with create_before_destroy)", async () => {
    const d = await moduleDir("database");
    const pg = d.resources.aws_db_parameter_group.postgres17;
    assert.equal(pg.name, undefined, "a fixed name cannot be created before the old one is destroyed");
    assert.match(pg.name_prefix, /postgres17-$/);
    assert.equal(first(pg.lifecycle).create_before_destroy, true);
  });

  test("RDS log exports land in log groups with a retention, created before the instance", async () => {
    const d = await moduleDir("database");
    const db = d.resources.aws_db_instance.main;
    const lg = d.resources.aws_cloudwatch_log_group.rds;
    assert.equal(lg.name, "/aws/rds/instance/${var.name}/${each.key}");
    assert.equal(lg.retention_in_days, "${var.log_retention_days}");
    assert.equal(lg.for_each, "${toset(local.log_exports)}");
    assert.equal(db.enabled_cloudwatch_logs_exports, "${local.log_exports}");
    assert.deepEqual(d.locals.log_exports, ["postgresql", "upgrade"]);
    assert.deepEqual(db.depends_on, ["${aws_cloudwatch_log_group.rds}"]);
  });

});

describe("registry", () => {
  test("three ECR repositories, scanned on push, with lifecycle policies", async () => {
    const d = await moduleDir("registry");
    const repos = Object.values(d.resources.aws_ecr_repository);
    assert.deepEqual(repos.map((r) => r.name).sort(), ["power-pto/api", "power-pto/frontend", "power-pto/worker"]);
    for (const r of repos) {
      assert.equal(first(r.image_scanning_configuration).scan_on_push, true, r.name);
      assert.equal(r.image_tag_mutability, "IMMUTABLE", r.name);
    }
    const lp = d.resources.aws_ecr_lifecycle_policy.this;
    assert.equal(lp.for_each, "${local.repositories}");
    assert.deepEqual(Object.keys(d.locals.repositories).sort(), ["api", "frontend", "worker"]);
  });
});

describe("ecs", () => {
  const SECRET_NAMES = ["DATABASE_URL", "JWT_SECRET", "PAYROLL_WEBHOOK_SECRET", "PTO_SECRETS_KEY", "SMTP_PASSWORD", "SMTP_USERNAME"];
  const MIGRATE_SECRET_NAMES = ["DATABASE_URL", "JWT_SECRET", "PAYROLL_WEBHOOK_SECRET"];

  async function containers() {
    const d = await moduleDir("ecs");
    const out = {};
    for (const [name, td] of Object.entries(d.resources.aws_ecs_task_definition)) {
      out[name] = { td, defs: deepResolve(d, resolve(d, td.container_definitions)) };
    }
    return out;
  }

  test("cluster power-pto with Container Insights; ECS Exec sessions logged, and the task roles may write that log", async () => {
    const d = await moduleDir("ecs");
    const c = d.resources.aws_ecs_cluster.main;
    assert.equal(c.name, "power-pto");
    assert.deepEqual(blocks(c.setting), [{ name: "containerInsights", value: "enabled" }]);
    const exec = first(first(c.configuration).execute_command_configuration);
    assert.equal(exec.logging, "OVERRIDE");
    assert.equal(first(exec.log_configuration).cloud_watch_log_group_name, "${var.exec_log_group_name}");
    assert.equal((await stackDir()).modules.ecs.exec_log_group_name, "${module.observability.ecs_exec_log_group_name}");
    const iam = await moduleDir("iam");
    const st = blocks(iam.data.aws_iam_policy_document.ecs_exec.statement).find((x) => x.sid === "EcsExecSessionLogs");
    assert.deepEqual(st.resources, ["${var.exec_log_group_arn}:*"]);
    assert.ok(st.actions.includes("logs:PutLogEvents"));
    for (const svc of ["api", "worker"]) assert.equal(d.resources.aws_ecs_service[svc].enable_execute_command, true);
  });

  test("api and worker restart after each monthly database password rotation (EventBridge Scheduler -> UpdateService)", async () => {
    const d = await moduleDir("ecs");
    const sch = d.resources.aws_scheduler_schedule.restart_after_rotation;
    assert.equal(sch.for_each, '${toset(["api", "worker"])}');
    const target = first(sch.target);
    assert.equal(target.arn, "arn:aws:scheduler:::aws-sdk:ecs:updateService");
    assert.match(target.input, /ForceNewDeployment\s*=\s*true/);
    assert.equal(d.variables.restart_schedule.default, "cron(0 5 1 * ? *)");
    const s = await moduleDir("secrets");
    assert.equal(s.variables.rotation_schedule.default, "cron(0 3 1 * ? *)", "two hours after the rotation");
    const [st] = blocks(d.data.aws_iam_policy_document.restart.statement);
    assert.deepEqual(st.actions, ["ecs:UpdateService"]);
    assert.deepEqual(st.resources, ["${aws_ecs_service.api.id}", "${aws_ecs_service.worker.id}"]);
  });

  test("task definitions api, worker, frontend and migrate, sized as the cost table", async () => {
    const cs = await containers();
    const summary = Object.fromEntries(Object.entries(cs).map(([k, { td }]) => [k, `${td.family} ${td.cpu}/${td.memory}`]));
    assert.deepEqual(summary, {
      api: "power-pto-api 512/1024",
      worker: "power-pto-worker 256/512",
      frontend: "power-pto-frontend 256/512",
      migrate: "power-pto-migrate 512/1024",
    });
    for (const { td } of Object.values(cs)) {
      assert.deepEqual(td.requires_compatibilities, ["FARGATE"]);
      assert.equal(td.network_mode, "awsvpc");
    }
  });

  test("migrate: container named api, command migrate; api/worker commands", async () => {
    const cs = await containers();
    assert.equal(cs.migrate.defs.length, 1);
    assert.equal(cs.migrate.defs[0].name, "api");
    assert.deepEqual(cs.migrate.defs[0].command, ["migrate"]);
    assert.deepEqual(cs.api.defs[0].command, ["api"]);
    assert.deepEqual(cs.worker.defs[0].command, ["worker"]);
    assert.equal(cs.api.defs[0].name, "api");
    assert.equal(cs.frontend.defs[0].name, "frontend");
  });

  test("secrets come only from Secrets Manager; no secret in plain environment", async () => {
    const cs = await containers();
    for (const [name, { defs }] of Object.entries(cs)) {
      for (const c of defs) {
        const env = c.environment ?? [];
        for (const e of env) {
          assert.doesNotMatch(e.name, /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|^DATABASE_URL$|_KEY$/i, `${name}: ${e.name} must not be a plain env var`);
          assert.doesNotMatch(String(e.value), /postgres(ql)?:\/\/|BEGIN .*PRIVATE KEY/i, `${name}: ${e.name} looks like a secret`);
        }
        if (name === "frontend") {
          assert.equal(c.secrets, undefined, "the frontend needs no secrets");
          continue;
        }
        assert.deepEqual((c.secrets ?? []).map((s) => s.name).sort(), name === "migrate" ? MIGRATE_SECRET_NAMES : SECRET_NAMES, `${name}: secrets`);
        for (const s of c.secrets) {
          assert.deepEqual(Object.keys(s).sort(), ["name", "valueFrom"], `${name}: ${s.name}`);
          // The migrate task connects as the schema owner; everything else as the application role.
          const secretKey = name === "migrate" && s.name === "DATABASE_URL" ? "DATABASE_OWNER_URL" : s.name;
          assert.equal(s.valueFrom, `\${var.secret_arns["${secretKey}"]}`, `${name}: ${s.name} valueFrom an ARN`);
        }
        const names = env.map((e) => e.name);
        for (const v of ["ENVIRONMENT", "APP_VERSION", "CORS_ORIGINS", "PTO_MODE"]) assert.ok(names.includes(v), `${name}: env ${v}`);
        if (name !== "migrate") {
          // Notifications (SES) and the CloudWatch SDK's region.
          for (const v of ["APP_BASE_URL", "SMTP_HOST", "SMTP_PORT", "MAIL_FROM", "AWS_REGION", "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_ENABLED"]) {
            assert.ok(names.includes(v), `${name}: env ${v}`);
          }
        }
        assert.ok(names.includes("JAVA_TOOL_OPTIONS"), `${name}: JVM sized through JAVA_TOOL_OPTIONS`);
        assert.match(env.find((e) => e.name === "JAVA_TOOL_OPTIONS").value, /MaxRAMPercentage|var\.\w+_java_tool_options/);
      }
    }
    const d = await moduleDir("ecs");
    assert.match(d.variables.api_java_tool_options.default, /-XX:MaxRAMPercentage=/);
    assert.match(d.variables.worker_java_tool_options.default, /-XX:MaxRAMPercentage=/);
  });

  test("every task definition sets ENVIRONMENT (the backend refuses to start without it)", async () => {
    const cs = await containers();
    for (const [name, { defs }] of Object.entries(cs)) {
      for (const c of defs) assert.ok((c.environment ?? []).some((e) => e.name === "ENVIRONMENT" && e.value === "${var.environment}"), name);
    }
  });

  test("the migrate task has its own execution role; api, worker and frontend share the other", async () => {
    const d = await moduleDir("ecs");
    const td = d.resources.aws_ecs_task_definition;
    assert.equal(td.migrate.execution_role_arn, "${var.migrate_execution_role_arn}");
    for (const n of ["api", "worker", "frontend"]) assert.equal(td[n].execution_role_arn, "${var.execution_role_arn}", n);
    assert.equal((await stackDir()).modules.ecs.migrate_execution_role_arn, "${module.iam.migrate_execution_role_arn}");
  });

  test("no secret values anywhere in the Terraform", async () => {
    const all = await loadAllTerraform();
    for (const f of all) {
      assert.equal(f.json.resource?.aws_secretsmanager_secret_version, undefined, `${f.rel}: secret version (value) in code`);
      assert.doesNotMatch(f.text, /secret_string|(^|\s)password\s*=/m, `${f.rel}: secret value in code`);
    }
  });

  test("every container logs through awslogs; api and frontend expose 8000 and 80", async () => {
    const cs = await containers();
    for (const [name, { defs }] of Object.entries(cs)) {
      for (const c of defs) {
        assert.equal(c.logConfiguration.logDriver, "awslogs", name);
        assert.match(c.logConfiguration.options["awslogs-group"], /var\.log_group_names/, name);
      }
    }
    assert.deepEqual(cs.api.defs[0].portMappings.map((p) => p.containerPort), [8000]);
    assert.deepEqual(cs.frontend.defs[0].portMappings.map((p) => p.containerPort), [80]);
    assert.equal(cs.worker.defs[0].portMappings, undefined, "worker: no ports");
    // Container health check: liveness on port 8000 (healthchecks.test.mjs runs it under dash).
    const hc = cs.api.defs[0].healthCheck.command.join(" ");
    assert.match(hc, /127\.0\.0\.1:8000\/health\/live/);
    // nginx as non-root on port 80 needs the unprivileged-port sysctl in the task.
    assert.deepEqual(cs.frontend.defs[0].systemControls, [{ namespace: "net.ipv4.ip_unprivileged_port_start", value: "0" }]);
  });

  test("services on Fargate with a rollback circuit breaker; api and frontend behind the ALB", async () => {
    const d = await moduleDir("ecs");
    const s = d.resources.aws_ecs_service;
    assert.deepEqual(Object.keys(s).sort(), ["api", "frontend", "worker"]);
    for (const [name, svc] of Object.entries(s)) {
      assert.equal(svc.name, name);
      assert.equal(svc.launch_type, "FARGATE", name);
      assert.deepEqual(blocks(svc.deployment_circuit_breaker), [{ enable: true, rollback: true }], name);
      assert.equal(first(svc.network_configuration).assign_public_ip, false, name);
      assert.deepEqual(first(svc.network_configuration).subnets, "${var.private_subnet_ids}", name);
    }
    assert.deepEqual(first(s.api.load_balancer), { target_group_arn: "${var.api_target_group_arn}", container_name: "api", container_port: 8000 });
    assert.deepEqual(first(s.frontend.load_balancer), { target_group_arn: "${var.frontend_target_group_arn}", container_name: "frontend", container_port: 80 });
    assert.equal(s.worker.load_balancer, undefined);
    assert.equal(s.api.desired_count, "${var.api_desired_count}");
    assert.equal(s.worker.desired_count, "${var.worker_desired_count}");
    assert.equal(s.frontend.desired_count, "${var.frontend_desired_count}");
    assert.deepEqual(first(s.api.network_configuration).security_groups, ["${var.api_security_group_id}"]);
    assert.deepEqual(first(s.worker.network_configuration).security_groups, ["${var.worker_security_group_id}"]);
    assert.deepEqual(first(s.frontend.network_configuration).security_groups, ["${var.frontend_security_group_id}"]);
  });

  test("start periods and the API's grace period are at least twice the slowest measured start (bench/startup/RESULTS.md)", async () => {
    const results = read("bench/startup/RESULTS.md");
    const m = results.match(/Slowest cds start: api live ([\d.]+) s, api ready ([\d.]+) s, worker live ([\d.]+) s\./);
    assert.ok(m, "bench/startup/RESULTS.md states the slowest start of the image's layout");
    const [apiLive, apiReady, workerLive] = m.slice(1).map(Number);
    const cs = await containers();
    assert.ok(cs.api.defs[0].healthCheck.startPeriod >= 2 * apiLive, `api startPeriod ${cs.api.defs[0].healthCheck.startPeriod} < 2 x ${apiLive}`);
    assert.ok(cs.worker.defs[0].healthCheck.startPeriod >= 2 * workerLive, `worker startPeriod < 2 x ${workerLive}`);
    const d = await moduleDir("ecs");
    assert.ok(d.resources.aws_ecs_service.api.health_check_grace_period_seconds >= 2 * apiReady, `api grace < 2 x ${apiReady}`);
    assert.ok(cs.api.defs[0].healthCheck.startPeriod <= 300, "ECS allows at most 300 s");
  });

  test("API auto-scales on CPU", async () => {
    const d = await moduleDir("ecs");
    const t = d.resources.aws_appautoscaling_target.api;
    assert.equal(t.min_capacity, "${var.api_min_count}");
    assert.match(t.resource_id, /aws_ecs_service\.api\.name/);
    const p = d.resources.aws_appautoscaling_policy.api_cpu;
    assert.equal(p.policy_type, "TargetTrackingScaling");
    const cfg = first(p.target_tracking_scaling_policy_configuration);
    assert.equal(first(cfg.predefined_metric_specification).predefined_metric_type, "ECSServiceAverageCPUUtilization");
  });

});

describe("alb", () => {
  test("HTTPS listener with the planned TLS policy, default to the frontend", async () => {
    const d = await moduleDir("alb");
    const l = d.resources.aws_lb_listener.https;
    assert.equal(l.port, 443);
    assert.equal(l.protocol, "HTTPS");
    assert.equal(l.ssl_policy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
    assert.equal(l.certificate_arn, "${var.certificate_arn}");
    assert.deepEqual(first(l.default_action), { type: "forward", target_group_arn: "${aws_lb_target_group.frontend.arn}" });
    const lb = d.resources.aws_lb.main;
    assert.equal(lb.internal, false);
    assert.equal(lb.load_balancer_type, "application");
  });

  test("HTTP 80 redirects to HTTPS", async () => {
    const d = await moduleDir("alb");
    const l = d.resources.aws_lb_listener.http;
    assert.equal(l.port, 80);
    const a = first(l.default_action);
    assert.equal(a.type, "redirect");
    assert.deepEqual(first(a.redirect), { port: "443", protocol: "HTTPS", status_code: "HTTP_301" });
  });

  test("/api/* rule at priority 100 to the API target group", async () => {
    const d = await moduleDir("alb");
    const r = d.resources.aws_lb_listener_rule.api;
    assert.equal(r.priority, 100);
    assert.equal(r.listener_arn, "${aws_lb_listener.https.arn}");
    assert.deepEqual(first(first(r.condition).path_pattern).values, ["/api/*"]);
    assert.deepEqual(first(r.action), { type: "forward", target_group_arn: "${aws_lb_target_group.api.arn}" });
  });

  test("API target group health check: GET /health every 5 s, 3 failures = unhealthy; a 503 counts as alive (decision 0065)", async () => {
    const d = await moduleDir("alb");
    const tg = d.resources.aws_lb_target_group.api;
    assert.equal(tg.port, 8000);
    assert.equal(tg.target_type, "ip");
    const hc = first(tg.health_check);
    assert.equal(hc.path, "/health");
    assert.equal(hc.matcher, "200,503", "the process answered: ECS must not replace a task whose database is down");
    assert.ok(exists("docs/decisions/0065-alb-accepts-503-readiness-as-a-metric.md"));
    assert.equal(hc.interval, 5);
    assert.equal(hc.unhealthy_threshold, 3);
    assert.ok(hc.timeout < hc.interval, "timeout below the interval");
    const fe = first(d.resources.aws_lb_target_group.frontend.health_check);
    assert.equal(fe.path, "/nginx-health");
  });
});

describe("alb: access logs and AWS WAF", () => {
  test("access logs to the log bucket, prefix alb/; the bucket lets ELB log delivery write only there", async () => {
    const d = await moduleDir("alb");
    assert.deepEqual(first(d.resources.aws_lb.main.access_logs), { bucket: "${var.access_logs_bucket}", prefix: "alb", enabled: true });
    assert.equal((await stackDir()).modules.alb.access_logs_bucket, "${module.logging.bucket_name}");
    const l = await moduleDir("logging");
    const st = blocks(l.data.aws_iam_policy_document.logs.statement);
    const alb = st.filter((x) => x.sid?.startsWith("AlbAccessLogs"));
    assert.equal(alb.length, 2);
    for (const x of alb) assert.deepEqual(x.resources, ["${aws_s3_bucket.logs.arn}/alb/AWSLogs/${local.account_id}/*"]);
    assert.ok(st.some((x) => x.effect === "Deny" && first(x.condition).variable === "aws:SecureTransport"), "TLS only");
    assert.equal(first(first(l.resources.aws_s3_bucket_server_side_encryption_configuration.logs.rule).apply_server_side_encryption_by_default).sse_algorithm, "AES256");
    assert.equal(l.resources.aws_s3_bucket_public_access_block.logs.block_public_policy, true);
    assert.equal(first(first(l.resources.aws_s3_bucket_lifecycle_configuration.logs.rule).expiration).days, "${var.log_retention_days}");
    assert.deepEqual(l.outputs.bucket_name.depends_on, ["${aws_s3_bucket_policy.logs}"], "the ALB gets the bucket once the policy lets it write");
  });

  test("WAF: a rate-based rule blocks one address's flood of /api/auth/ requests; associated with the ALB; logs redact credentials", async () => {
    const d = await moduleDir("waf");
    const acl = d.resources.aws_wafv2_web_acl.main;
    assert.equal(acl.scope, "REGIONAL");
    assert.ok(first(acl.default_action).allow, "everything else is allowed");
    const rule = first(acl.rule);
    assert.ok(first(rule.action).block);
    const rate = first(first(rule.statement).rate_based_statement);
    assert.equal(rate.aggregate_key_type, "IP");
    assert.equal(rate.limit, "${var.auth_rate_limit}");
    assert.equal(d.variables.auth_rate_limit.default, 300);
    const match = first(first(rate.scope_down_statement).byte_match_statement);
    assert.equal(match.search_string, "/api/auth/");
    assert.equal(match.positional_constraint, "STARTS_WITH");
    assert.ok(first(match.field_to_match).uri_path);
    assert.equal(d.resources.aws_wafv2_web_acl_association.alb.resource_arn, "${var.alb_arn}");
    assert.equal((await stackDir()).modules.waf.alb_arn, "${module.alb.alb_arn}");
    const redacted = blocks(d.resources.aws_wafv2_web_acl_logging_configuration.main.redacted_fields).map((r) => first(r.single_header).name).sort();
    assert.deepEqual(redacted, ["authorization", "cookie"]);
    assert.match(d.resources.aws_cloudwatch_log_group.waf.name, /^aws-waf-logs-/);
  });
});

describe("dns", () => {
  test("ACM certificate validated by DNS, Route 53 alias to the ALB", async () => {
    const d = await moduleDir("dns");
    assert.equal(d.resources.aws_acm_certificate.main.validation_method, "DNS");
    assert.ok(d.resources.aws_acm_certificate_validation.main);
    const rec = d.resources.aws_route53_record.app;
    assert.deepEqual(first(rec.alias), { name: "${var.alb_dns_name}", zone_id: "${var.alb_zone_id}", evaluate_target_health: true });
    assert.equal(d.outputs.certificate_arn.value, "${aws_acm_certificate_validation.main.certificate_arn}");
  });
});

describe("secrets", () => {
  test("the application secrets (plus the migration owner's URL), names only", async () => {
    const d = await moduleDir("secrets");
    const names = Object.values(d.resources.aws_secretsmanager_secret).map((s) => s.name).sort();
    assert.deepEqual(names, ["power-pto/database-owner-url", "power-pto/database-url", "power-pto/jwt-signing-key",
      "power-pto/payroll-webhook-secret", "power-pto/secrets-key", "power-pto/smtp-password", "power-pto/smtp-username"]);
    assert.deepEqual(Object.keys(d.outputs.secret_arns.value).sort(), ["DATABASE_OWNER_URL", "DATABASE_URL", "JWT_SECRET",
      "PAYROLL_WEBHOOK_SECRET", "PTO_SECRETS_KEY", "SMTP_PASSWORD", "SMTP_USERNAME"]);
  });
});

describe("secrets: managed rotation of the application's database login", () => {
  test("Secrets Manager rotates power-pto/database-url with a hosted PostgreSQL multi-user function, logged in as the RDS master", async () => {
    const d = await moduleDir("secrets");
    const stack = d.resources.aws_cloudformation_stack.database_url_rotation;
    assert.deepEqual(stack.capabilities.sort(), ["CAPABILITY_AUTO_EXPAND", "CAPABILITY_IAM"]);
    const t = d.text;
    assert.match(t, /Transform\s*=\s*"AWS::SecretsManager-2024-09-16"/);
    assert.match(t, /Type\s*=\s*"AWS::SecretsManager::RotationSchedule"/);
    assert.match(t, /SecretId\s*=\s*aws_secretsmanager_secret\.db_url\.arn/);
    assert.match(t, /RotationType\s*=\s*"PostgreSQLMultiUser"/);
    assert.match(t, /MasterSecretArn\s*=\s*var\.master_secret_arn/);
    assert.match(t, /RotateImmediatelyOnUpdate\s*=\s*false/, "the secret is empty until the first deploy");
    assert.match(t, /ScheduleExpression\s*=\s*var\.rotation_schedule/);
    const wiring = (await stackDir()).modules.secrets;
    assert.equal(wiring.master_secret_arn, "${module.database.master_user_secret_arn}");
    assert.equal(wiring.rotation_security_group_id, "${module.security.rotation_security_group_id}");
  });
});

describe("observability", () => {
  async function alarms() {
    const d = await moduleDir("observability");
    return { d, a: d.resources.aws_cloudwatch_metric_alarm };
  }
  const metricsOf = (alarm) => blocks(alarm.metric_query).flatMap((q) => blocks(q.metric)).map((m) => m.metric_name);
  const rateExpression = (alarm) => blocks(alarm.metric_query).find((q) => q.return_data === true)?.expression ?? "";

  test("log groups /power-pto/<env>/api|worker|frontend, retention 30 (staging) / 90 (production)", async () => {
    const d = await moduleDir("observability");
    const lg = d.resources.aws_cloudwatch_log_group.service;
    assert.equal(lg.name, "/power-pto/${var.environment}/${each.key}");
    assert.deepEqual(stringSet(d, lg.for_each).sort(), ["api", "frontend", "worker"]);
    assert.equal(lg.retention_in_days, "${var.log_retention_days}");
    assert.equal((await envValues("staging")).log_retention_days, 30);
    assert.equal((await envValues("production")).log_retention_days, 90);
  });

  test("every alarm notifies the SNS topic", async () => {
    const { d, a } = await alarms();
    assert.ok(d.resources.aws_sns_topic.alarms);
    assert.ok(Object.keys(a).length >= 8);
    for (const [name, alarm] of Object.entries(a)) {
      assert.deepEqual(resolve(d, alarm.alarm_actions), ["${aws_sns_topic.alarms.arn}"], `${name}: alarm_actions`);
    }
  });

  test("request latency: ALB TargetResponseTime p99 > 2 s", async () => {
    const { a } = await alarms();
    const x = a.api_latency_p99;
    assert.equal(x.namespace, "AWS/ApplicationELB");
    assert.equal(x.metric_name, "TargetResponseTime");
    assert.equal(x.extended_statistic, "p99");
    assert.equal(x.threshold, 2);
    assert.equal(x.comparison_operator, "GreaterThanThreshold");
    assert.equal(x.dimensions.TargetGroup, "${var.api_target_group_arn_suffix}");
  });

  test("HTTP 5xx rate > 1 % and 4xx rate > 10 % of requests (metric math)", async () => {
    const { a } = await alarms();
    assert.ok(metricsOf(a.http_5xx_rate).includes("HTTPCode_Target_5XX_Count"));
    assert.ok(metricsOf(a.http_5xx_rate).includes("RequestCount"));
    assert.match(rateExpression(a.http_5xx_rate), /100 \* .*target5xx.*\/ requests/);
    assert.equal(a.http_5xx_rate.threshold, 1);
    assert.equal(a.http_5xx_rate.comparison_operator, "GreaterThanThreshold");
    assert.ok(metricsOf(a.http_4xx_rate).includes("HTTPCode_Target_4XX_Count"));
    assert.ok(metricsOf(a.http_4xx_rate).includes("RequestCount"));
    assert.match(rateExpression(a.http_4xx_rate), /100 \* .*target4xx.*\/ requests/);
    assert.equal(a.http_4xx_rate.threshold, 10);
    assert.equal(a.http_4xx_rate.comparison_operator, "GreaterThanThreshold");
  });

  test("RDS connections > 80 % of max", async () => {
    const { a } = await alarms();
    const x = a.db_connections;
    assert.equal(x.namespace, "AWS/RDS");
    assert.equal(x.metric_name, "DatabaseConnections");
    assert.equal(x.threshold, "${floor(var.db_max_connections * 0.8)}");
    assert.equal(x.comparison_operator, "GreaterThanThreshold");
    assert.equal((await stackDir()).modules.observability.db_max_connections, "${module.database.max_connections}");
  });

  test("ECS CPU and memory > 80 % sustained, for each service", async () => {
    const { d, a } = await alarms();
    for (const [key, metric] of [["ecs_cpu_high", "CPUUtilization"], ["ecs_memory_high", "MemoryUtilization"]]) {
      const x = a[key];
      assert.equal(x.namespace, "AWS/ECS");
      assert.equal(x.metric_name, metric);
      assert.equal(x.threshold, 80);
      assert.equal(x.comparison_operator, "GreaterThanThreshold");
      assert.ok(x.evaluation_periods * x.period >= 600, `${key}: sustained (>= 10 minutes)`);
      assert.deepEqual(stringSet(d, x.for_each).sort(), ["api", "frontend", "worker"]);
      assert.equal(x.dimensions.ServiceName, "${each.key}");
    }
  });

  test("readiness: pto.readiness below 1 for 3 minutes alarms, per backend service (the ALB no longer shows it)", async () => {
    const { d, a } = await alarms();
    const x = a.not_ready;
    assert.deepEqual(stringSet(d, x.for_each).sort(), ["api", "worker"]);
    assert.equal(x.namespace, "PowerPTO");
    assert.equal(x.metric_name, "pto.readiness.value");
    assert.equal(x.statistic, "Minimum");
    assert.equal(x.comparison_operator, "LessThanThreshold");
    assert.equal(x.threshold, 1);
    assert.equal(x.period * x.evaluation_periods, 180, "longer than a Multi-AZ failover");
    assert.deepEqual(x.dimensions, { service: "${each.key}" });
  });

  test("alarms reach Slack through AWS Chatbot (read-only), when its workspace and channel are set", async () => {
    const d = await moduleDir("observability");
    const c = d.resources.aws_chatbot_slack_channel_configuration.alarms;
    assert.equal(c.count, "${local.slack ? 1 : 0}");
    assert.deepEqual(c.sns_topic_arns, ["${aws_sns_topic.alarms.arn}"]);
    assert.deepEqual(c.guardrail_policy_arns, ["arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess"]);
    assert.equal(d.locals.slack, '${var.slack_team_id != "" && var.slack_channel_id != ""}');
    const stack = await stackDir();
    assert.equal(stack.modules.observability.slack_team_id, "${var.slack_team_id}");
    for (const e of ENVS) assert.ok("slack_channel_id" in (await envValues(e)), `${e}.tfvars names the Slack channel (empty until step 8)`);
  });

  test("accrual jobs: any failure alarms; no success in 26 h alarms (missing data breaching)", async () => {
    const { d, a } = await alarms();
    const f = a.accrual_job_failure;
    assert.deepEqual(stringSet(d, f.for_each).sort(), ["carryover", "expiration", "payroll", "time_accrual"]);
    const q = rateExpression(f);
    assert.match(q, /"accrual\.job\.failure(\.count)?"/);
    assert.match(q, /FROM "PowerPTO"/);
    assert.match(q, /WHERE job = '\$\{each\.key\}'/);
    assert.equal(f.threshold, 1);
    assert.equal(f.comparison_operator, "GreaterThanOrEqualToThreshold");

    const s = a.accrual_job_success_missing;
    assert.equal(s.namespace, "PowerPTO");
    assert.match(s.metric_name, /^accrual\.job\.success(\.count)?$/);
    assert.equal(s.treat_missing_data, "breaching");
    assert.equal(s.period * s.evaluation_periods, 26 * 3600);
    assert.equal(s.datapoints_to_alarm, s.evaluation_periods);
    assert.equal(s.comparison_operator, "LessThanThreshold");
    assert.equal(s.threshold, 1);
    assert.match(s.dimensions, /job = "time_accrual"/);
  });
});

describe("iam", () => {
  async function iam() {
    const d = await moduleDir("iam");
    return { d, docs: d.data.aws_iam_policy_document };
  }
  const statements = (doc) => blocks(doc.statement);

  test("no policy grants every action", async () => {
    const { docs } = await iam();
    for (const [name, doc] of Object.entries(docs)) {
      for (const st of statements(doc)) {
        for (const action of st.actions ?? []) assert.ok(!/^\*$|^[a-z0-9]+:\*$/.test(action), `${name}: ${action}`);
      }
    }
  });

  test("execution roles: api/worker/frontend read the application secrets but never the owner URL; migrate reads its three", async () => {
    const { d, docs } = await iam();
    const st = statements(docs.execution_secrets);
    assert.equal(st.length, 1);
    assert.deepEqual(st[0].actions, ["secretsmanager:GetSecretValue"]);
    assert.equal(st[0].resources, "${local.app_secret_arns}");
    assert.equal(d.locals.app_secret_arns, "${[for k, arn in var.secret_arns : arn if k != local.owner_secret]}");
    assert.equal(d.locals.owner_secret, "DATABASE_OWNER_URL");
    const m = statements(docs.migrate_execution_secrets);
    assert.equal(m[0].resources, "${local.migrate_secret_arns}");
    assert.deepEqual(d.locals.migrate_secrets, ["DATABASE_OWNER_URL", "JWT_SECRET", "PAYROLL_WEBHOOK_SECRET"]);
    assert.equal(d.resources.aws_iam_role_policy.migrate_execution_secrets.role, "${aws_iam_role.migrate_execution.id}");
    assert.equal(d.resources.aws_iam_role_policy.execution_secrets.role, "${aws_iam_role.execution.id}");
    assert.equal(d.resources.aws_iam_role_policy_attachment.execution_managed.policy_arn, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    for (const [name, doc] of Object.entries(docs)) {
      for (const s of statements(doc)) {
        if ((s.actions ?? []).some((x) => x.startsWith("secretsmanager:"))) assert.notDeepEqual(s.resources, ["*"], name);
      }
    }
  });

  test("api and worker task roles: PutMetricData only into namespace PowerPTO", async () => {
    const { d, docs } = await iam();
    const [st] = statements(docs.put_metric_data);
    assert.deepEqual(st.actions, ["cloudwatch:PutMetricData"]);
    assert.deepEqual(blocks(st.condition), [{ test: "StringEquals", variable: "cloudwatch:namespace", values: ["PowerPTO"] }]);
    assert.equal(d.resources.aws_iam_role_policy.api_metrics.role, "${aws_iam_role.api_task.id}");
    assert.equal(d.resources.aws_iam_role_policy.worker_metrics.role, "${aws_iam_role.worker_task.id}");
    const frontendPolicies = Object.values(d.resources.aws_iam_role_policy).filter((p) => p.role.includes("frontend_task"));
    assert.ok(frontendPolicies.every((p) => !p.policy.includes("put_metric_data")), "frontend: no metrics permission");
  });

  test("GitHub OIDC deploy role trusted for this environment's GitHub environment only, one role name per environment", async () => {
    const { d, docs } = await iam();
    assert.equal(d.resources.aws_iam_openid_connect_provider.github.url, "https://token.actions.githubusercontent.com");
    assert.deepEqual(d.resources.aws_iam_openid_connect_provider.github.client_id_list, ["sts.amazonaws.com"]);
    const [st] = statements(docs.github_trust);
    assert.deepEqual(st.actions, ["sts:AssumeRoleWithWebIdentity"]);
    const conds = blocks(st.condition);
    const sub = conds.filter((c) => c.variable === "token.actions.githubusercontent.com:sub");
    assert.deepEqual(sub, [{ test: "StringEquals", variable: "token.actions.githubusercontent.com:sub", values: ["repo:${var.github_repository}:environment:${var.environment}"] }]);
    assert.equal(d.resources.aws_iam_role.deploy.name, "github-actions-deploy-${var.environment}");
    assert.ok(conds.some((c) => c.variable === "token.actions.githubusercontent.com:aud" && c.values[0] === "sts.amazonaws.com"));
    assert.equal(d.resources.aws_iam_role.deploy.assume_role_policy, "${data.aws_iam_policy_document.github_trust.json}");
  });

  test("deploy role: ECR push to the three repositories, run/update/describe ECS, pass the task roles only", async () => {
    const { docs } = await iam();
    const st = statements(docs.deploy);
    const by = (action) => st.filter((s) => s.actions.includes(action));
    for (const a of ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchCheckLayerAvailability"]) {
      assert.deepEqual(by(a).map((s) => s.resources), ["${values(var.ecr_repository_arns)}"], a);
    }
    assert.match(by("ecs:RunTask")[0].resources[0], /task-definition\/power-pto-migrate:\*$/);
    assert.ok(by("ecs:UpdateService").length === 1);
    assert.ok(by("ecs:DescribeServices").length === 1);
    assert.ok(by("ecs:DescribeTasks").length === 1);
    assert.ok(by("ecs:RegisterTaskDefinition").length === 1);
    const pass = by("iam:PassRole");
    assert.equal(pass.length, 1);
    assert.ok(pass[0].resources.every((r) => /^\$\{aws_iam_role\.\w+\.arn\}$/.test(r)), "PassRole only on the task roles");
    assert.deepEqual(blocks(pass[0].condition)[0].values, ["ecs-tasks.amazonaws.com"]);
  });

  test("the deploy role's session can outlast the 90-minute deploy job", async () => {
    const { d } = await iam();
    assert.ok(d.resources.aws_iam_role.deploy.max_session_duration >= 90 * 60);
  });
});

describe("email (SES)", () => {
  test("custom MAIL FROM mail.<domain> with its MX and SPF; a DMARC policy", async () => {
    const d = await moduleDir("email");
    const mf = d.resources.aws_sesv2_email_identity_mail_from_attributes.domain;
    assert.equal(mf.mail_from_domain, "${local.mail_from_domain}");
    assert.equal(d.locals.mail_from_domain, "mail.${var.mail_domain}");
    assert.equal(d.resources.aws_route53_record.mail_from_mx.type, "MX");
    assert.deepEqual(d.resources.aws_route53_record.mail_from_mx.records, ["10 feedback-smtp.${var.region}.amazonses.com"]);
    assert.deepEqual(d.resources.aws_route53_record.mail_from_spf.records, ["v=spf1 include:amazonses.com -all"]);
    const dmarc = d.resources.aws_route53_record.dmarc;
    assert.equal(dmarc.name, "_dmarc.${var.mail_domain}");
    assert.equal(dmarc.type, "TXT");
    assert.match(d.text, /"v=DMARC1",\s*"p=\$\{var\.dmarc_policy\}"/);
    assert.equal(d.variables.dmarc_policy.default, "quarantine");
  });

  test("domain identity with Easy DKIM, its three CNAMEs in Route 53", async () => {
    const d = await moduleDir("email");
    const id = d.resources.aws_sesv2_email_identity.domain;
    assert.equal(id.email_identity, "${var.mail_domain}");
    assert.ok(first(id.dkim_signing_attributes));
    const dkim = d.resources.aws_route53_record.dkim;
    assert.equal(dkim.count, 3);
    assert.equal(dkim.type, "CNAME");
    assert.match(dkim.name, /_domainkey\.\$\{var\.mail_domain\}$/);
    assert.match(dkim.records[0], /\.dkim\.amazonses\.com$/);
    assert.equal(d.outputs.smtp_host.value, "email-smtp.${var.region}.amazonaws.com");
  });

  test("an SMTP IAM user that may send only as MAIL_FROM, and no access key in Terraform (state)", async () => {
    const d = await moduleDir("iam");
    assert.ok(d.resources.aws_iam_user.ses_smtp);
    assert.equal(d.resources.aws_iam_access_key, undefined, "the key's secret would be in the state");
    const [st] = blocks(d.data.aws_iam_policy_document.ses_send.statement);
    assert.deepEqual(st.actions, ["ses:SendRawEmail"]);
    assert.deepEqual(blocks(st.condition)[0], { test: "StringEquals", variable: "ses:FromAddress", values: ["${var.mail_from}"] });
  });

  test("api and worker may reach the SES SMTP port", async () => {
    const d = await moduleDir("security");
    const egress = Object.values(d.resources.aws_vpc_security_group_egress_rule).filter((r) => r.from_port === 587).map((r) => sgName(r.security_group_id)).sort();
    assert.deepEqual(egress, ["api", "worker"]);
  });

  test("an alarm on permanently failed notifications", async () => {
    const d = await moduleDir("observability");
    const a = d.resources.aws_cloudwatch_metric_alarm.notification_delivery_failure;
    const q = blocks(a.metric_query).find((x) => x.return_data === true).expression;
    assert.match(q, /"notification\.delivery\.failure\.count"/);
    assert.match(q, /FROM "PowerPTO"/);
    assert.equal(a.threshold, 1);
  });

  test("an alarm on permanently failed Slack and Teams messages (issue 29)", async () => {
    const d = await moduleDir("observability");
    const a = d.resources.aws_cloudwatch_metric_alarm.chat_delivery_failure;
    const q = blocks(a.metric_query).find((x) => x.return_data === true).expression;
    assert.match(q, /"notification\.chat\.delivery\.failure\.count"/);
    assert.match(q, /FROM "PowerPTO"/);
    assert.equal(a.threshold, 1);
    assert.equal(a.treat_missing_data, "notBreaching");
    assert.match(a.alarm_description, /docs\/operations\.md#chat-delivery-failure/);
  });
});
