// The Terraform's task definitions as ECS returns them, and the deploy role's IAM policy as AWS
// evaluates it: the two sides the deploy pipeline checks (deploy-pipeline.test.mjs) run against.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT, moduleDir, resolve, deepResolve, envValues, blocks } from "./lib.mjs";
import { ACCOUNT, REGISTRY } from "./actions-runner.mjs";

export const REGION = "us-east-1";
export const CLUSTER = "power-pto";
const SERVICES = ["api", "worker", "frontend"];

/** Values of the ecs module's variables in environment `e`: its tfvars, the stack's wiring, the module's defaults. */
export async function ecsVariables(e) {
  const v = await envValues(e);
  const d = await moduleDir("ecs");
  const defaults = Object.fromEntries(Object.entries(d.variables).filter(([, x]) => "default" in x).map(([k, x]) => [k, x.default]));
  const secret = (name) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:power-pto/${name}-AbCdEf`;
  const role = (name) => `arn:aws:iam::${ACCOUNT}:role/power-pto-${e}-${name}`;
  return {
    ...defaults,
    environment: e,
    region: REGION,
    image_tag: "bootstrap",
    repository_urls: Object.fromEntries(SERVICES.map((s) => [s, `${REGISTRY}/power-pto/${s}`])),
    cors_origins: `https://${v.domain_name}`,
    swagger_ui_enabled: v.swagger_ui_enabled,
    log_level: v.log_level,
    secret_arns: {
      DATABASE_URL: secret("database-url"), DATABASE_OWNER_URL: secret("database-owner-url"), JWT_SECRET: secret("jwt-signing-key"),
      PAYROLL_WEBHOOK_SECRET: secret("payroll-webhook-secret"), PTO_SECRETS_KEY: secret("secrets-key"),
      SMTP_USERNAME: secret("smtp-username"), SMTP_PASSWORD: secret("smtp-password"),
    },
    log_group_names: Object.fromEntries(SERVICES.map((s) => [s, `/power-pto/${e}/${s}`])),
    execution_role_arn: role("ecs-execution"),
    migrate_execution_role_arn: role("ecs-migrate-execution"),
    api_task_role_arn: role("api-task"),
    worker_task_role_arn: role("worker-task"),
    frontend_task_role_arn: role("frontend-task"),
    app_base_url: `https://${v.domain_name}`,
    smtp_host: `email-smtp.${REGION}.amazonaws.com`,
    smtp_port: 587,
    mail_from: `no-reply@${v.domain_name}`,
  };
}

/** One Terraform expression (the subset the ecs module's task definitions use), with its type kept. */
function expression(expr, vars) {
  let m = expr.match(/^tostring\((.*)\)$/);
  if (m) return String(expression(m[1], vars));
  m = expr.match(/^var\.(\w+)(?:\["([^"]+)"\])?$/);
  if (m) {
    assert.ok(m[1] in vars, `no value for var.${m[1]} (add it to ecsVariables)`);
    const value = vars[m[1]];
    if (m[2] === undefined) return value;
    assert.ok(m[2] in value, `var.${m[1]}["${m[2]}"]`);
    return value[m[2]];
  }
  throw new Error(`expression not understood: ${expr}`);
}

/** "${expr}" keeps expr's type; a template with text around interpolations is a string. */
export function render(value, vars) {
  if (Array.isArray(value)) return value.map((x) => render(x, vars));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, render(x, vars)]));
  if (typeof value !== "string") return value;
  const whole = value.match(/^\$\{([^}]*)\}$/);
  if (whole) return expression(whole[1], vars);
  return value.replace(/\$\{([^}]*)\}/g, (_, e) => String(expression(e, vars)));
}

/**
 * Every aws_ecs_task_definition of the ecs module, rendered for environment `e` as
 * `aws ecs describe-task-definition --query taskDefinition` returns it (revision 1, with the fields
 * ECS adds and the defaults it fills into each container). Attributes not mapped here fail loudly.
 */
export async function describedTaskDefinitions(e) {
  const d = await moduleDir("ecs");
  const vars = await ecsVariables(e);
  const out = {};
  for (const [name, td] of Object.entries(d.resources.aws_ecs_task_definition)) {
    const r = {};
    for (const [attr, raw] of Object.entries(td)) {
      const value = render(deepResolve(d, resolve(d, raw)), vars);
      switch (attr) {
        case "family": r.family = value; break;
        case "cpu": r.cpu = String(value); break;
        case "memory": r.memory = String(value); break;
        case "network_mode": r.networkMode = value; break;
        case "requires_compatibilities": r.requiresCompatibilities = value; break;
        case "execution_role_arn": r.executionRoleArn = value; break;
        case "task_role_arn": r.taskRoleArn = value; break;
        case "runtime_platform": {
          const p = blocks(value)[0];
          r.runtimePlatform = { operatingSystemFamily: p.operating_system_family, cpuArchitecture: p.cpu_architecture };
          break;
        }
        case "container_definitions":
          r.containerDefinitions = value.map((c) => ({
            cpu: 0, mountPoints: [], volumesFrom: [], ...c,
            ...(c.portMappings ? { portMappings: c.portMappings.map((p) => ({ hostPort: p.containerPort, ...p })) } : {}),
          }));
          break;
        default: throw new Error(`aws_ecs_task_definition.${name}: attribute ${attr} is not mapped to the ECS API (aws-lib.mjs)`);
      }
    }
    out[name] = {
      taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${r.family}:1`,
      ...r,
      revision: 1, volumes: [], status: "ACTIVE", placementConstraints: [], compatibilities: ["EC2", "FARGATE"],
      requiresAttributes: [{ name: "com.amazonaws.ecs.capability.logging-driver.awslogs" }, { name: "ecs.capability.execution-role-awslogs" },
        { name: "com.amazonaws.ecs.capability.task-iam-role" }, { name: "ecs.capability.secrets.asm.environment-variables" }],
      registeredAt: "2026-01-01T00:00:00.000Z",
      registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/terraform/apply`,
    };
  }
  return out;
}

/**
 * botocore's validator over operations' input or output shapes, in one process:
 * checks = [[service, operation, "input" | "output", value], …] -> one list of report lines per check.
 */
export function modelProblems(checks) {
  const r = spawnSync("/usr/bin/python3", ["-c", `
import json, sys
import botocore.session
from botocore.validate import ParamValidator
session = botocore.session.get_session()
out = []
for service, operation, direction, value in json.load(sys.stdin):
    op = session.get_service_model(service).operation_model(operation)
    report = ParamValidator().validate(value, op.input_shape if direction == "input" else op.output_shape)
    out.append(report.generate_report().splitlines() if report.has_errors() else [])
print(json.dumps(out))
`], { input: JSON.stringify(checks), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

export const hasBotocore = () => spawnSync("/usr/bin/python3", ["-c", "import botocore, jmespath"]).status === 0;

// ------------------------------------------------------------------------------------------- IAM

/** The deploy role's policy statements (data.aws_iam_policy_document.deploy) with the references filled in. */
export async function deployPolicy(e) {
  const d = await moduleDir("iam");
  const roleArn = (resourceName) => {
    const name = d.resources.aws_iam_role[resourceName]?.name;
    assert.ok(name, `aws_iam_role.${resourceName}`);
    return `arn:aws:iam::${ACCOUNT}:role/${name.replace("${var.name}", `power-pto-${e}`).replace("${var.environment}", e)}`;
  };
  const refs = {
    "local.region": REGION, "local.account_id": ACCOUNT, "var.cluster_name": CLUSTER,
    "local.cluster": `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`,
  };
  const fill = (s) => String(s).replace(/\$\{([^}]+)\}/g, (_, ref) => {
    const role = ref.match(/^aws_iam_role\.(\w+)\.arn$/);
    if (role) return roleArn(role[1]);
    assert.ok(ref in refs, `policy reference \${${ref}} not understood`);
    return refs[ref];
  });
  return blocks(d.data.aws_iam_policy_document.deploy.statement).map((st) => ({
    sid: st.sid,
    effect: st.effect ?? "Allow",
    actions: st.actions,
    resources: st.resources === "${values(var.ecr_repository_arns)}"
      ? SERVICES.map((s) => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/power-pto/${s}`)
      : [st.resources].flat().map(fill),
    conditions: blocks(st.condition).map((c) => ({ test: c.test, variable: c.variable, values: c.values.map(fill) })),
  }));
}

const glob = (pattern, value) => new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i").test(value);

function conditionHolds(c, context) {
  const actual = context[c.variable];
  if (actual === undefined) return false;
  switch (c.test) {
    case "StringEquals": case "ArnEquals": return c.values.includes(actual);
    case "StringLike": case "ArnLike": return c.values.some((v) => glob(v, actual));
    default: throw new Error(`condition operator ${c.test} not modelled`);
  }
}

/** Is `action` on `resource` (with condition `context`) allowed by `statements`? (No explicit deny in ours.) */
export function allowed(statements, action, resource, context = {}) {
  const matching = statements.filter((st) => st.actions.some((a) => glob(a, action)) && st.resources.some((r) => glob(r, resource))
    && st.conditions.every((c) => conditionHolds(c, context)));
  return matching.some((st) => st.effect === "Allow") && !matching.some((st) => st.effect === "Deny");
}

/**
 * What IAM authorizes for one logged call of the stand-in: [{ action, resource, context }]. The
 * resource types follow the ECS and ECR service authorization references.
 */
export function authorizationsFor(call, state) {
  const { signingName: svc, operation: op, params } = call;
  const ecsArn = (kind, rest) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${kind}/${rest}`;
  const clusterArn = (c = CLUSTER) => (c.startsWith("arn:") ? c : ecsArn("cluster", c));
  const clusterName = (c = CLUSTER) => c.split("/").pop();
  const passRoles = (td) => [td?.executionRoleArn, td?.taskRoleArn].filter(Boolean)
    .map((role) => ({ action: "iam:PassRole", resource: role, context: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }));
  const taskDefinition = (ref) => {
    const [family, revision] = ref.split("task-definition/").pop().split(":");
    const revisions = state.taskDefinitions?.[family] ?? [];
    return revision ? revisions.find((t) => t.revision === Number(revision)) : revisions.at(-1);
  };
  const a = `${svc}:${op}`;
  if (svc === "ecs") {
    switch (op) {
      case "DescribeTaskDefinition": case "ListTaskDefinitions": return [{ action: a, resource: "*" }];
      case "RegisterTaskDefinition": return [{ action: a, resource: "*" }, ...passRoles(params)];
      case "RunTask": {
        const td = taskDefinition(params.taskDefinition);
        return [{ action: a, resource: td?.taskDefinitionArn ?? params.taskDefinition, context: { "ecs:cluster": clusterArn(params.cluster) } }, ...passRoles(td)];
      }
      case "DescribeServices": return params.services.map((s) => ({ action: a, resource: ecsArn("service", `${clusterName(params.cluster)}/${s}`) }));
      case "UpdateService": return [{ action: a, resource: ecsArn("service", `${clusterName(params.cluster)}/${params.service}`) }];
      case "DescribeTasks": return params.tasks.map((t) => ({ action: a, resource: t.startsWith("arn:") ? t : ecsArn("task", `${clusterName(params.cluster)}/${t}`) }));
      default: break;
    }
  }
  if (svc === "ecr" && op === "DescribeImages") return [{ action: a, resource: `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${params.repositoryName}` }];
  throw new Error(`no IAM mapping for ${svc}:${op} (aws-lib.mjs authorizationsFor)`);
}

/** A docker push to ECR needs these on the repository. */
export function pushAuthorizations(dockerLine) {
  const m = dockerLine.match(/^push \S+?\/(power-pto\/[a-z]+):/);
  if (!m) return [];
  const resource = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${m[1]}`;
  return ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"]
    .map((action) => ({ action, resource }));
}

export const FAKE_AWS_DIR = path.join(ROOT, "infra/check/aws");
