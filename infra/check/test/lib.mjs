// Shared helpers for the offline infrastructure checks.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "@cdktf/hcl2json";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const TF_ROOT = path.join(ROOT, "infra/terraform");
export const MODULES = ["network", "security", "database", "registry", "ecs", "alb", "dns", "email", "secrets", "observability", "iam",
  "logging", "waf"];
export const ENVS = ["staging", "production"];

export function read(rel) {
  return readFileSync(path.join(ROOT, rel), "utf8");
}

export function exists(rel) {
  return existsSync(path.join(ROOT, rel));
}

export function listFiles(dir, predicate) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === ".terraform") continue;
    if (statSync(full).isDirectory()) out.push(...listFiles(full, predicate));
    else if (predicate(full)) out.push(full);
  }
  return out.sort();
}

/** Every .tf file under infra/terraform, parsed: [{ file, rel, json, text }]. */
let cache;
export async function loadAllTerraform() {
  if (!cache) {
    const files = listFiles(TF_ROOT, (f) => f.endsWith(".tf"));
    cache = await Promise.all(
      files.map(async (file) => {
        const text = readFileSync(file, "utf8");
        const json = await parse(file, text);
        return { file, rel: path.relative(TF_ROOT, file), json, text };
      }),
    );
  }
  return cache;
}

/**
 * One Terraform directory (a module or an env) merged:
 * { resources: {type: {name: body}}, data, modules, locals, variables, outputs, terraform: [..], text }
 */
export async function loadDir(relDir) {
  const all = await loadAllTerraform();
  const dir = { resources: {}, data: {}, modules: {}, locals: {}, variables: {}, outputs: {}, terraform: [], text: "", files: [] };
  for (const f of all) {
    if (path.dirname(f.rel) !== relDir) continue;
    dir.files.push(f.rel);
    dir.text += f.text + "\n";
    const j = f.json;
    for (const [type, byName] of Object.entries(j.resource ?? {})) {
      dir.resources[type] ??= {};
      for (const [name, bodies] of Object.entries(byName)) dir.resources[type][name] = bodies[0];
    }
    for (const [type, byName] of Object.entries(j.data ?? {})) {
      dir.data[type] ??= {};
      for (const [name, bodies] of Object.entries(byName)) dir.data[type][name] = bodies[0];
    }
    for (const [name, bodies] of Object.entries(j.module ?? {})) dir.modules[name] = bodies[0];
    for (const block of j.locals ?? []) Object.assign(dir.locals, block);
    for (const [name, bodies] of Object.entries(j.variable ?? {})) dir.variables[name] = bodies[0];
    for (const [name, bodies] of Object.entries(j.output ?? {})) dir.outputs[name] = bodies[0];
    for (const block of j.terraform ?? []) dir.terraform.push(block);
  }
  if (dir.files.length === 0) throw new Error(`no .tf files in infra/terraform/${relDir}`);
  return dir;
}

export const moduleDir = (m) => loadDir(`modules/${m}`);
/** The one root module every environment applies. */
export const stackDir = () => loadDir("stack");

/** An environment's values: infra/terraform/stack/environments/<env>.tfvars, parsed. */
export async function envValues(e) {
  const file = path.join(TF_ROOT, "stack/environments", `${e}.tfvars`);
  return parse(file, readFileSync(file, "utf8"));
}

/** An environment's state backend: stack/environments/<env>.s3.tfbackend, parsed. */
export async function envBackend(e) {
  const file = path.join(TF_ROOT, "stack/environments", `${e}.s3.tfbackend`);
  return parse(file, readFileSync(file, "utf8"));
}

/** "${local.x}" -> dir.locals.x (recursively); "${jsonencode([local.x])}" -> [locals.x]. */
export function resolve(dir, value) {
  if (typeof value !== "string") return value;
  let m = value.match(/^\$\{local\.([A-Za-z0-9_]+)\}$/);
  if (m) {
    if (!(m[1] in dir.locals)) throw new Error(`unknown local ${m[1]}`);
    return resolve(dir, dir.locals[m[1]]);
  }
  m = value.match(/^\$\{jsonencode\(\[((?:local\.[A-Za-z0-9_]+\s*,?\s*)+)\]\)\}$/);
  if (m) {
    return m[1]
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((ref) => resolve(dir, "${" + ref + "}"));
  }
  return value;
}

/** Deeply resolve local references inside objects/arrays. */
export function deepResolve(dir, value) {
  const v = resolve(dir, value);
  if (Array.isArray(v)) return v.map((x) => deepResolve(dir, x));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepResolve(dir, x)]));
  return v;
}

/** Quoted strings of a "${toset([...])}" expression (after resolving locals). */
export function stringSet(dir, value) {
  const v = resolve(dir, value);
  if (Array.isArray(v)) return v;
  const m = String(v).match(/^\$\{toset\(\[(.*)\]\)\}$/s);
  if (!m) throw new Error(`not a literal set: ${v}`);
  return [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]);
}

/** Terraform blocks come out of hcl2json as arrays; a single block as a one-element array. */
export function blocks(value) {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** "${aws_security_group.api.id}" -> "api" */
export function sgName(ref) {
  const m = String(ref).match(/^\$\{aws_security_group\.([A-Za-z0-9_]+)\.id\}$/);
  return m ? m[1] : null;
}
