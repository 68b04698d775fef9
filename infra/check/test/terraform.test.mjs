// The deployment plan's promises, asserted over the Terraform parsed to JSON (no
// Terraform binary needed).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  loadAllTerraform, moduleDir, envDir, MODULES, ENVS, resolve, deepResolve, stringSet, blocks, sgName,
} from "./lib.mjs";

const first = (v) => blocks(v)[0];

describe("terraform layout", () => {
  test("every .tf file parses and every module and environment exists", async () => {
    const all = await loadAllTerraform();
    assert.ok(all.length >= 40, `expected the modules and envs, found ${all.length} .tf files`);
    for (const m of MODULES) await moduleDir(m);
    for (const e of ENVS) await envDir(e);
  });

  test("every module and env pins the AWS provider to ~> 5.x", async () => {
    for (const dir of [...MODULES.map((m) => `modules/${m}`), ...ENVS.map((e) => `envs/${e}`)]) {
      const d = dir.startsWith("modules/") ? await moduleDir(dir.slice(8)) : await envDir(dir.slice(5));
      const providers = d.terraform.flatMap((t) => blocks(t.required_providers));
      const aws = providers.map((p) => p.aws).find(Boolean);
      assert.ok(aws, `${dir}: required_providers.aws`);
      assert.equal(aws.source, "hashicorp/aws", dir);
      assert.match(aws.version, /^~>\s*5\.\d+/, `${dir}: aws provider pinned to ~> 5.x`);
    }
  });

  test("each env keeps remote state in S3 with locking", async () => {
    for (const e of ENVS) {
      const d = await envDir(e);
      const s3 = d.terraform.map((t) => first(t.backend?.s3)).find(Boolean);
      assert.ok(s3, `${e}: backend "s3"`);
      assert.equal(s3.encrypt, true, `${e}: encrypted state`);
      assert.ok(s3.use_lockfile === true || typeof s3.dynamodb_table === "string", `${e}: state locking`);
      assert.ok(s3.key.includes(e), `${e}: own state key`);
    }
  });

  test("each env composes every module", async () => {
    for (const e of ENVS) {
      const d = await envDir(e);
      const sources = Object.values(d.modules).map((m) => m.source).sort();
      assert.deepEqual(sources, MODULES.map((m) => `../../modules/${m}`).sort(), e);
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

  test("VPC endpoints for ECR api+dkr, Secrets Manager, CloudWatch Logs, S3 gateway", async () => {
    const d = await moduleDir("network");
    const services = Object.values(d.locals.interface_endpoints).map((s) => s.replace("com.amazonaws.${var.region}.", ""));
    for (const s of ["ecr.api", "ecr.dkr", "secretsmanager", "logs"]) assert.ok(services.includes(s), `interface endpoint ${s}`);
    assert.equal(d.resources.aws_vpc_endpoint.interface.vpc_endpoint_type, "Interface");
    assert.equal(d.resources.aws_vpc_endpoint.interface.private_dns_enabled, true);
    assert.equal(d.resources.aws_vpc_endpoint.s3.vpc_endpoint_type, "Gateway");
    assert.match(d.resources.aws_vpc_endpoint.s3.service_name, /\.s3$/);
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
    assert.deepEqual(Object.keys(d.resources.aws_security_group).sort(), ["alb", "api", "db", "frontend", "worker"]);
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
      db: ["tcp:5432-5432<-api", "tcp:5432-5432<-worker"],
      frontend: ["tcp:80-80<-alb"],
    });
    assert.equal(ingress.worker, undefined, "worker: egress only");
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

  test("multi-AZ in production, single-AZ in staging; both db.t4g.medium, 50 GB", async () => {
    const prod = (await envDir("production")).modules.database;
    const staging = (await envDir("staging")).modules.database;
    assert.equal(prod.multi_az, true);
    assert.equal(staging.multi_az, false);
    for (const m of [prod, staging]) {
      assert.equal(m.instance_class, "db.t4g.medium");
      assert.equal(m.allocated_storage, 50);
    }
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
  const SECRET_NAMES = ["DATABASE_URL", "JWT_SECRET", "PAYROLL_WEBHOOK_SECRET"];

  async function containers() {
    const d = await moduleDir("ecs");
    const out = {};
    for (const [name, td] of Object.entries(d.resources.aws_ecs_task_definition)) {
      out[name] = { td, defs: deepResolve(d, resolve(d, td.container_definitions)) };
    }
    return out;
  }

  test("cluster power-pto with Container Insights", async () => {
    const d = await moduleDir("ecs");
    const c = d.resources.aws_ecs_cluster.main;
    assert.equal(c.name, "power-pto");
    assert.deepEqual(blocks(c.setting), [{ name: "containerInsights", value: "enabled" }]);
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
        assert.deepEqual((c.secrets ?? []).map((s) => s.name).sort(), SECRET_NAMES, `${name}: secrets`);
        for (const s of c.secrets) {
          assert.deepEqual(Object.keys(s).sort(), ["name", "valueFrom"], `${name}: ${s.name}`);
          // The migrate task connects as the schema owner; everything else as the application role.
          const secretKey = name === "migrate" && s.name === "DATABASE_URL" ? "DATABASE_OWNER_URL" : s.name;
          assert.equal(s.valueFrom, `\${var.secret_arns["${secretKey}"]}`, `${name}: ${s.name} valueFrom an ARN`);
        }
        const names = env.map((e) => e.name);
        for (const v of ["ENVIRONMENT", "APP_VERSION", "CORS_ORIGINS", "PTO_MODE"]) assert.ok(names.includes(v), `${name}: env ${v}`);
        assert.ok(names.includes("JAVA_TOOL_OPTIONS"), `${name}: JVM sized through JAVA_TOOL_OPTIONS`);
        assert.match(env.find((e) => e.name === "JAVA_TOOL_OPTIONS").value, /MaxRAMPercentage|var\.\w+_java_tool_options/);
      }
    }
    const d = await moduleDir("ecs");
    assert.match(d.variables.api_java_tool_options.default, /-XX:MaxRAMPercentage=/);
    assert.match(d.variables.worker_java_tool_options.default, /-XX:MaxRAMPercentage=/);
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

  test("replicas by environment: API 1 (staging) vs 2+ (production), worker 1, frontend 2", async () => {
    const prod = (await envDir("production")).modules.ecs;
    const staging = (await envDir("staging")).modules.ecs;
    assert.ok(prod.api_desired_count >= 2 && prod.api_min_count >= 2, "production API: at least 2");
    assert.ok(prod.api_max_count >= prod.api_min_count);
    assert.equal(staging.api_desired_count, 1);
    for (const m of [prod, staging]) {
      assert.equal(m.worker_desired_count, 1);
      assert.equal(m.frontend_desired_count, 2);
    }
    assert.equal(prod.swagger_ui_enabled, false, "Swagger UI disabled in production");
    assert.equal(staging.swagger_ui_enabled, true, "Swagger UI enabled in staging");
  });

  test("ENVIRONMENT and CORS origins per environment", async () => {
    for (const e of ENVS) {
      const d = await envDir(e);
      assert.equal(d.locals.environment, e);
      assert.equal(d.modules.ecs.environment, "${local.environment}");
      assert.equal(d.modules.observability.environment, "${local.environment}");
      assert.equal(d.modules.ecs.cors_origins, "https://${var.domain_name}");
    }
    const ecs = await moduleDir("ecs");
    assert.equal(ecs.variables.environment.validation[0].condition, '${contains(["staging", "production"], var.environment)}');
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

  test("API target group health check: GET /health every 5 s, 3 failures = unhealthy", async () => {
    const d = await moduleDir("alb");
    const tg = d.resources.aws_lb_target_group.api;
    assert.equal(tg.port, 8000);
    assert.equal(tg.target_type, "ip");
    const hc = first(tg.health_check);
    assert.equal(hc.path, "/health");
    assert.equal(hc.interval, 5);
    assert.equal(hc.unhealthy_threshold, 3);
    assert.ok(hc.timeout < hc.interval, "timeout below the interval");
    const fe = first(d.resources.aws_lb_target_group.frontend.health_check);
    assert.equal(fe.path, "/nginx-health");
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
    assert.deepEqual(names, ["power-pto/database-owner-url", "power-pto/database-url", "power-pto/jwt-signing-key", "power-pto/payroll-webhook-secret"]);
    assert.deepEqual(Object.keys(d.outputs.secret_arns.value).sort(), ["DATABASE_OWNER_URL", "DATABASE_URL", "JWT_SECRET", "PAYROLL_WEBHOOK_SECRET"]);
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
    assert.equal((await envDir("staging")).modules.observability.log_retention_days, 30);
    assert.equal((await envDir("production")).modules.observability.log_retention_days, 90);
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
    for (const e of ENVS) {
      assert.equal((await envDir(e)).modules.observability.db_max_connections, "${module.database.max_connections}", e);
    }
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

  test("execution role reads the three application secrets only", async () => {
    const { d, docs } = await iam();
    const st = statements(docs.execution_secrets);
    assert.equal(st.length, 1);
    assert.deepEqual(st[0].actions, ["secretsmanager:GetSecretValue"]);
    assert.equal(st[0].resources, "${values(var.secret_arns)}");
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

  test("GitHub OIDC deploy role trusted for the main branch of this repository only", async () => {
    const { d, docs } = await iam();
    assert.equal(d.resources.aws_iam_openid_connect_provider.github.url, "https://token.actions.githubusercontent.com");
    assert.deepEqual(d.resources.aws_iam_openid_connect_provider.github.client_id_list, ["sts.amazonaws.com"]);
    const [st] = statements(docs.github_trust);
    assert.deepEqual(st.actions, ["sts:AssumeRoleWithWebIdentity"]);
    const conds = blocks(st.condition);
    const sub = conds.filter((c) => c.variable === "token.actions.githubusercontent.com:sub");
    assert.deepEqual(sub, [{ test: "StringEquals", variable: "token.actions.githubusercontent.com:sub", values: ["repo:${var.github_repository}:ref:refs/heads/main"] }]);
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
});
