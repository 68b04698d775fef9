#!/usr/bin/env node
// A small in-memory stand-in for the Power PTO API (shared/spec/api.md + docs/api-extensions.md),
// serving the built SPA from dist/ on the same origin. It exists so the e2e harness and the UI
// can be exercised before the real backend is ready:
//
//   npm run build && node e2e/mock-api.mjs            # http://localhost:8100
//   BASE_URL=http://localhost:8100 npm run e2e
//
// Simplifications: every employee works Mon–Fri 09:00–17:00 UTC; tokens are opaque ids;
// rules are enforced only as far as the UI needs them. It is NOT the product.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const PORT = Number(process.env.PORT ?? 8100);
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const CID = '11111111-1111-4111-8111-111111111111';
const SYSTEM = '00000000-0000-0000-0000-000000000000';
const now = () => new Date().toISOString();
const today = () => new Date().toISOString().slice(0, 10);

// ---------------- state ----------------
const emp = (id, first, last, email, manager_id = null) => ({
  id, company_id: CID, first_name: first, last_name: last, email, pay_type: 'SALARY', workday_minutes: 480,
  timezone: 'UTC', hire_date: '2022-01-10', manager_id, work_days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], workday_start: '09:00',
});
const ADMIN = 'aaaaaaaa-0000-4000-8000-000000000001';
const MANAGER = 'aaaaaaaa-0000-4000-8000-000000000002';
const EMMA = 'aaaaaaaa-0000-4000-8000-000000000003';
const BOB = 'aaaaaaaa-0000-4000-8000-000000000004';
const employees = new Map([
  [ADMIN, emp(ADMIN, 'Alice', 'Admin', 'admin@acme.test')],
  [MANAGER, emp(MANAGER, 'Mark', 'Manager', 'manager@acme.test', ADMIN)],
  [EMMA, emp(EMMA, 'Emma', 'Employee', 'emma@acme.test', MANAGER)],
  [BOB, emp(BOB, 'Bob', 'Builder', 'bob@acme.test', MANAGER)],
]);
const accounts = new Map([
  [ADMIN, { role: 'admin', password: 'demo-password-1' }],
  [MANAGER, { role: 'manager', password: 'demo-password-1' }],
  [EMMA, { role: 'employee', password: 'demo-password-1' }],
  [BOB, { role: 'employee', password: 'demo-password-1' }],
]);
const policies = new Map();
const versions = [];
const assignments = [];
const requests = [];
const ledger = [];
const holidays = [];
const audit = [];

function addAudit(actor, entity_type, entity_id, action, before, after) {
  audit.unshift({ id: randomUUID(), company_id: CID, actor_id: actor, entity_type, entity_id, action, before_json: before ?? null, after_json: after ?? null, created_at: now() });
}
function currentVersion(pid) {
  return versions.filter((v) => v.policy_id === pid).sort((a, b) => b.version - a.version)[0];
}
const policyOut = (p) => ({ ...p, current_version: currentVersion(p.id) });
function addLedger(e) {
  const row = { id: randomUUID(), policy_version_id: currentVersion(e.policy_id)?.id ?? null, metadata_json: null, created_at: now(), effective_at: now(), source_id: null, ...e };
  ledger.push(row);
  return row;
}
function balance(eid, pid) {
  const rows = ledger.filter((l) => l.employee_id === eid && l.policy_id === pid);
  const sum = (types) => rows.filter((r) => types.includes(r.entry_type)).reduce((s, r) => s + r.amount_minutes, 0);
  const accrued = sum(['ACCRUAL', 'ADJUSTMENT', 'CARRYOVER', 'EXPIRATION']);
  const used = -sum(['USAGE', 'USAGE_REVERSAL']);
  const held = -sum(['HOLD', 'HOLD_RELEASE']);
  const p = policies.get(pid);
  const unlimited = currentVersion(pid)?.type === 'UNLIMITED';
  return {
    policy_id: pid, policy_key: p.key, policy_category: p.category, accrued_minutes: accrued, used_minutes: used, held_minutes: held,
    available_minutes: unlimited ? null : accrued - used - held, is_unlimited: unlimited, updated_at: now(),
  };
}
function assignedPolicies(eid) {
  return [...new Set(assignments.filter((a) => a.employee_id === eid).map((a) => a.policy_id))];
}
function createPolicy(actor, key, category, version) {
  const p = { id: randomUUID(), company_id: CID, key, category, created_at: now() };
  policies.set(p.id, p);
  addVersion(actor, p.id, version);
  addAudit(actor, 'POLICY', p.id, 'CREATE', null, { key, category });
  return p;
}
function addVersion(actor, pid, version) {
  const prev = currentVersion(pid);
  if (prev) prev.effective_to = version.effective_from;
  const s = version.settings;
  const v = {
    id: randomUUID(), policy_id: pid, version: (prev?.version ?? 0) + 1, effective_from: version.effective_from, effective_to: null,
    type: s.type, accrual_method: s.accrual_method ?? null, settings: s, created_by: actor, change_reason: version.change_reason ?? null, created_at: now(),
  };
  versions.push(v);
  addAudit(actor, 'POLICY_VERSION', v.id, prev ? 'UPDATE' : 'CREATE', prev ? prev.settings : null, s);
  return v;
}

// Seed: one vacation policy with history, one unlimited sick policy.
const seedVac = createPolicy(ADMIN, 'vacation', 'VACATION', {
  effective_from: '2025-01-01',
  settings: { type: 'ACCRUAL', accrual_method: 'TIME', unit: 'DAYS', accrual_frequency: 'MONTHLY', accrual_timing: 'START_OF_PERIOD', rate_minutes_per_month: 800, proration: 'DAYS_ACTIVE', allow_negative: false, bank_cap_minutes: 19200, tenure_tiers: [], carryover: { enabled: true, cap_minutes: 2400 }, expiration: { enabled: false } },
  change_reason: 'Initial version',
});
addVersion(ADMIN, seedVac.id, { effective_from: '2026-01-01', settings: { ...currentVersion(seedVac.id).settings, rate_minutes_per_month: 960 }, change_reason: '2026 rate' });
const seedSick = createPolicy(ADMIN, 'sick', 'SICK', { effective_from: '2025-01-01', settings: { type: 'UNLIMITED' } });
for (const eid of [EMMA, BOB, MANAGER]) {
  for (const pid of [seedVac.id, seedSick.id]) assignments.push({ id: randomUUID(), company_id: CID, employee_id: eid, policy_id: pid, effective_from: '2025-01-01', effective_to: null, created_by: ADMIN, created_at: now() });
  for (let m = 0; m < 6; m++) {
    const d = new Date(); d.setUTCMonth(d.getUTCMonth() - 5 + m, 1);
    addLedger({ employee_id: eid, policy_id: seedVac.id, entry_type: 'ACCRUAL', amount_minutes: 800, source_type: 'SYSTEM', effective_at: d.toISOString().slice(0, 10) + 'T00:00:00Z' });
  }
}
holidays.push({ id: randomUUID(), company_id: CID, date: `${new Date().getUTCFullYear()}-12-25`, name: 'Christmas Day' });

// ---------------- helpers ----------------
class HttpError extends Error {
  constructor(status, message, detail) { super(message); this.status = status; this.detail = detail; }
}
const fail = (status, message, detail) => { throw new HttpError(status, message, detail); };
const UUID = '[0-9a-f-]{36}';

function workingMinutes(startIso, endIso) {
  const s = new Date(startIso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(startIso) ? startIso : startIso + 'Z');
  const e = new Date(endIso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(endIso) ? endIso : endIso + 'Z');
  if (Number.isNaN(s.getTime()) || Number.isNaN(e.getTime())) fail(422, 'start_at and end_at must be ISO datetimes');
  if (e <= s) fail(422, 'end_at must be after start_at');
  const hol = new Set(holidays.map((h) => h.date));
  let total = 0;
  const d = new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate()));
  while (d < e) {
    const dow = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if (dow !== 0 && dow !== 6 && !hol.has(iso)) {
      const ws = d.getTime() + 9 * 3600e3;
      const we = ws + 480 * 60e3;
      total += Math.max(0, Math.min(we, e.getTime()) - Math.max(ws, s.getTime())) / 60e3;
    }
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return { minutes: Math.floor(total), start: s.toISOString(), end: e.toISOString() };
}

function paginate(items, q) {
  const offset = Number(q.get('offset') ?? 0);
  const limit = Number(q.get('limit') ?? 50);
  if (!(offset >= 0) || !(limit >= 1 && limit <= 100)) fail(422, 'offset must be ≥ 0 and limit 1–100');
  return { items: items.slice(offset, offset + limit), total: items.length };
}

function visibleRequests(user) {
  if (user.role === 'admin') return requests;
  return requests.filter((r) => r.employee_id === user.id || (user.role === 'manager' && employees.get(r.employee_id)?.manager_id === user.id));
}

function validateRequestBody(user, b, { allowKey = true } = {}) {
  const allowed = ['employee_id', 'policy_id', 'start_at', 'end_at', 'reason', ...(allowKey ? ['idempotency_key'] : [])];
  const unknown = Object.keys(b).filter((k) => !allowed.includes(k));
  if (unknown.length) fail(422, `Unknown field: ${unknown[0]}`);
  for (const k of ['employee_id', 'policy_id', 'start_at', 'end_at']) if (!b[k]) fail(422, `Missing field: ${k}`, [{ field: k, message: 'required' }]);
  if (b.employee_id !== user.id && user.role !== 'admin') fail(403, 'You can only request time off for yourself.');
  if (!policies.has(b.policy_id)) fail(404, 'Policy not found.');
  const { minutes, start, end } = workingMinutes(b.start_at, b.end_at);
  if (minutes <= 0) fail(400, 'The request covers no working time.');
  const active = assignments.some((a) => a.employee_id === b.employee_id && a.policy_id === b.policy_id && a.effective_from <= start.slice(0, 10) && (!a.effective_to || a.effective_to > start.slice(0, 10)));
  if (!active) fail(400, 'You have no active assignment to this policy for those dates.');
  const bal = balance(b.employee_id, b.policy_id);
  const after = bal.available_minutes === null ? null : bal.available_minutes - minutes;
  return { minutes, start, end, after };
}

function overlapCheck(b, start, end) {
  const clash = requests.find((r) => r.employee_id === b.employee_id && ['SUBMITTED', 'APPROVED'].includes(r.status) && r.start_at < end && r.end_at > start);
  if (clash) fail(409, 'This request overlaps another request you have pending or approved.', { request_id: clash.id });
}

function transition(user, rid, action, body) {
  const r = requests.find((x) => x.id === rid);
  if (!r || !visibleRequests(user).includes(r)) fail(404, 'Request not found.');
  const isManagerOf = employees.get(r.employee_id)?.manager_id === user.id;
  if (action !== 'cancel' && !(user.role === 'admin' || (user.role === 'manager' && isManagerOf))) fail(403, 'Only the manager or an admin can decide this request.');
  if (action === 'cancel' && !(user.role === 'admin' || r.employee_id === user.id)) fail(403, 'Only the owner or an admin can cancel.');
  if (body?.note && body.note.length > 1000) fail(422, 'note must be at most 1000 characters');
  const before = { ...r };
  const base = { employee_id: r.employee_id, policy_id: r.policy_id, source_type: 'REQUEST', source_id: r.id };
  if (action === 'approve' || action === 'deny') {
    if (r.status !== 'SUBMITTED') fail(409, `The request is ${r.status}, not SUBMITTED.`);
    addLedger({ ...base, entry_type: 'HOLD_RELEASE', amount_minutes: r.requested_minutes });
    if (action === 'approve') addLedger({ ...base, entry_type: 'USAGE', amount_minutes: -r.requested_minutes });
    Object.assign(r, { status: action === 'approve' ? 'APPROVED' : 'DENIED', decided_at: now(), decided_by: user.id, decision_note: body?.note ?? null });
  } else {
    if (r.status === 'SUBMITTED') addLedger({ ...base, entry_type: 'HOLD_RELEASE', amount_minutes: r.requested_minutes });
    else if (r.status === 'APPROVED' && r.start_at > now()) addLedger({ ...base, entry_type: 'USAGE_REVERSAL', amount_minutes: r.requested_minutes });
    else fail(409, `The request is ${r.status} and cannot be cancelled.`);
    r.status = 'CANCELLED';
  }
  addAudit(user.id, 'REQUEST', r.id, action.toUpperCase(), before, { ...r });
  return r;
}

// ---------------- routing ----------------
const routes = [];
const route = (method, pattern, handler) => routes.push({ method, re: new RegExp(`^/api${pattern.replace(/:(\w+)/g, `(?<$1>${UUID})`)}$`), handler });
const scoped = (p) => `/companies/:cid${p}`;
const admin = (user) => user.role === 'admin' || fail(403, 'Admins only.');

route('GET', '/health', () => ({ status: 'ok', version: 'mock', environment: 'mock' }));
route('POST', '/auth/login', ({ body }) => {
  const e = [...employees.values()].find((x) => x.email.toLowerCase() === String(body.email ?? '').toLowerCase());
  const acc = e && accounts.get(e.id);
  if (!acc || acc.password !== body.password) fail(401, 'Wrong e-mail or password.');
  return { access_token: `mock.${e.id}`, token_type: 'bearer', expires_in: 3600 };
}, true);
route('GET', '/auth/me', ({ user }) => ({ user_id: user.id, company_id: CID, role: user.role, employee: employees.get(user.id) }));
route('POST', '/auth/change-password', ({ user, body }) => {
  const acc = accounts.get(user.id);
  if (acc.password !== body.current_password) fail(400, 'The current password is wrong.');
  if (String(body.new_password ?? '').length < 10) fail(422, 'new_password must be at least 10 characters');
  acc.password = body.new_password;
  return null;
});

route('GET', scoped('/policies'), ({ q }) => paginate([...policies.values()].map(policyOut), q));
route('POST', scoped('/policies'), ({ user, body }) => {
  admin(user);
  if ([...policies.values()].some((p) => p.key === body.key)) fail(409, `A policy with key ${body.key} already exists.`);
  return [201, policyOut(createPolicy(user.id, body.key, body.category, body.version))];
});
route('GET', scoped('/policies/:pid'), ({ p }) => policyOut(policies.get(p.pid) ?? fail(404, 'Policy not found.')));
route('PUT', scoped('/policies/:pid'), ({ user, p, body }) => {
  admin(user);
  const pol = policies.get(p.pid) ?? fail(404, 'Policy not found.');
  if (body.version.effective_from < currentVersion(pol.id).effective_from) fail(422, 'effective_from must be on or after the current version');
  addVersion(user.id, pol.id, body.version);
  return policyOut(pol);
});
route('GET', scoped('/policies/:pid/versions'), ({ p, q }) => paginate(versions.filter((v) => v.policy_id === p.pid).sort((a, b) => a.version - b.version), q));
route('GET', scoped('/policies/:pid/assignments'), ({ user, p, q }) => (admin(user), paginate(assignments.filter((a) => a.policy_id === p.pid), q)));
route('POST', scoped('/policies/:pid/assignments'), ({ user, p, body }) => {
  admin(user);
  const clash = assignments.find((a) => a.employee_id === body.employee_id && a.policy_id === p.pid && (!a.effective_to || a.effective_to > body.effective_from) && (!body.effective_to || body.effective_to > a.effective_from));
  if (clash) fail(409, 'This employee is already on this policy for overlapping dates.');
  const a = { id: randomUUID(), company_id: CID, employee_id: body.employee_id, policy_id: p.pid, effective_from: body.effective_from, effective_to: body.effective_to ?? null, created_by: user.id, created_at: now() };
  assignments.push(a);
  addAudit(user.id, 'ASSIGNMENT', a.id, 'CREATE', null, a);
  return [201, a];
});
route('DELETE', scoped('/assignments/:aid'), ({ user, p, q }) => {
  admin(user);
  const a = assignments.find((x) => x.id === p.aid) ?? fail(404, 'Assignment not found.');
  const before = { ...a };
  a.effective_to = q.get('effective_to') || today();
  addAudit(user.id, 'ASSIGNMENT', a.id, 'UPDATE', before, a);
  return a;
});

route('GET', scoped('/employees'), ({ user, q }) => {
  if (user.role === 'employee') fail(403, 'Not allowed.');
  let list = [...employees.values()];
  if (user.role === 'manager') list = list.filter((e) => e.manager_id === user.id || e.id === user.id);
  if (q.get('manager_id')) list = list.filter((e) => e.manager_id === q.get('manager_id'));
  return paginate(list, q);
});
const canSee = (user, eid) => user.role === 'admin' || user.id === eid || (user.role === 'manager' && employees.get(eid)?.manager_id === user.id) || fail(403, 'Not allowed.');
route('GET', scoped('/employees/:eid'), ({ user, p }) => (canSee(user, p.eid), employees.get(p.eid) ?? fail(404, 'Employee not found.')));
route('PUT', scoped('/employees/:eid'), ({ user, p, body }) => {
  admin(user);
  const before = employees.get(p.eid) ?? null;
  const e = { ...emp(p.eid, '', '', ''), ...before, ...body, id: p.eid, company_id: CID };
  employees.set(p.eid, e);
  addAudit(user.id, 'EMPLOYEE', e.id, before ? 'UPDATE' : 'CREATE', before, e);
  return e;
});
route('GET', scoped('/employees/:eid/assignments'), ({ user, p, q }) => (canSee(user, p.eid), paginate(assignments.filter((a) => a.employee_id === p.eid), q)));
route('GET', scoped('/employees/:eid/balances'), ({ user, p }) => {
  canSee(user, p.eid);
  const items = assignedPolicies(p.eid).map((pid) => balance(p.eid, pid));
  return { items, total: items.length };
});
route('GET', scoped('/employees/:eid/ledger'), ({ user, p, q }) => {
  canSee(user, p.eid);
  const rows = ledger.filter((l) => l.employee_id === p.eid && (!q.get('policy_id') || l.policy_id === q.get('policy_id')));
  return paginate([...rows].reverse(), q);
});
route('GET', scoped('/employees/:eid/account'), ({ user, p }) => {
  admin(user);
  const a = accounts.get(p.eid) ?? fail(404, 'No account.');
  return { employee_id: p.eid, email: employees.get(p.eid).email, role: a.role, active: true, has_password: !!a.password };
});
route('PUT', scoped('/employees/:eid/account'), ({ user, p, body }) => {
  admin(user);
  const a = accounts.get(p.eid) ?? {};
  a.role = body.role;
  let invite;
  if (body.password) a.password = body.password;
  else invite = randomUUID();
  accounts.set(p.eid, a);
  return { employee_id: p.eid, email: employees.get(p.eid).email, role: a.role, active: true, has_password: !!a.password, ...(invite ? { invite_token: invite } : {}) };
});

route('POST', scoped('/requests/preview'), ({ user, body }) => {
  const { minutes, after } = validateRequestBody(user, body, { allowKey: true });
  const warnings = after !== null && after < 0 ? ['This would take your balance below zero.'] : [];
  return { requested_minutes: minutes, available_minutes_after: after, warnings };
});
route('POST', scoped('/requests'), ({ user, body }) => {
  if (body.idempotency_key) {
    const prior = requests.find((r) => r.employee_id === body.employee_id && r.idempotency_key === body.idempotency_key);
    if (prior) return [201, prior];
  }
  const { minutes, start, end, after } = validateRequestBody(user, body);
  overlapCheck(body, start, end);
  const pv = currentVersion(body.policy_id);
  if (after !== null && after < 0 && !pv.settings.allow_negative) fail(400, `Insufficient balance: this needs ${minutes} minutes and ${after + minutes} are available.`);
  const r = {
    id: randomUUID(), company_id: CID, employee_id: body.employee_id, policy_id: body.policy_id, start_at: start, end_at: end, requested_minutes: minutes,
    reason: body.reason ?? null, status: 'SUBMITTED', submitted_at: now(), decided_at: null, decided_by: null, decision_note: null,
    idempotency_key: body.idempotency_key ?? null, created_at: now(),
  };
  requests.push(r);
  addLedger({ employee_id: r.employee_id, policy_id: r.policy_id, entry_type: 'HOLD', amount_minutes: -minutes, source_type: 'REQUEST', source_id: r.id });
  addAudit(user.id, 'REQUEST', r.id, 'SUBMIT', null, r);
  return [201, r];
});
route('GET', scoped('/requests'), ({ user, q }) => {
  let list = visibleRequests(user);
  for (const k of ['status', 'policy_id', 'employee_id']) if (q.get(k)) list = list.filter((r) => r[k] === q.get(k));
  if (q.get('start_date')) list = list.filter((r) => r.end_at.slice(0, 10) >= q.get('start_date'));
  if (q.get('end_date')) list = list.filter((r) => r.start_at.slice(0, 10) <= q.get('end_date'));
  return paginate(list, q);
});
route('GET', scoped('/requests/:rid'), ({ user, p }) => visibleRequests(user).find((r) => r.id === p.rid) ?? fail(404, 'Request not found.'));
for (const action of ['approve', 'deny', 'cancel']) route('POST', scoped(`/requests/:rid/${action}`), ({ user, p, body }) => transition(user, p.rid, action, body));

route('POST', scoped('/adjustments'), ({ user, body }) => {
  admin(user);
  if (!body.amount_minutes) fail(422, 'amount_minutes must not be 0');
  if (!body.reason || body.reason.length > 1000) fail(422, 'reason must be 1–1000 characters');
  const bal = balance(body.employee_id, body.policy_id);
  if (bal.available_minutes !== null && bal.available_minutes + body.amount_minutes < 0) fail(400, 'The adjustment would take the balance below zero.');
  const l = addLedger({ employee_id: body.employee_id, policy_id: body.policy_id, entry_type: 'ADJUSTMENT', amount_minutes: body.amount_minutes, source_type: 'ADMIN', source_id: randomUUID(), metadata_json: { reason: body.reason } });
  addAudit(user.id, 'ADJUSTMENT', l.id, 'CREATE', null, l);
  return [201, l];
});

route('GET', scoped('/holidays'), ({ q }) => paginate(holidays.filter((h) => !q.get('year') || h.date.startsWith(q.get('year'))).sort((a, b) => a.date.localeCompare(b.date)), q));
route('POST', scoped('/holidays'), ({ user, body }) => {
  admin(user);
  if (holidays.some((h) => h.date === body.date)) fail(409, `There is already a holiday on ${body.date}.`);
  const h = { id: randomUUID(), company_id: CID, date: body.date, name: body.name };
  holidays.push(h);
  addAudit(user.id, 'HOLIDAY', h.id, 'CREATE', null, h);
  return [201, h];
});
route('DELETE', scoped('/holidays/:hid'), ({ user, p }) => {
  admin(user);
  const i = holidays.findIndex((h) => h.id === p.hid);
  if (i < 0) fail(404, 'Holiday not found.');
  addAudit(user.id, 'HOLIDAY', p.hid, 'DELETE', holidays[i], null);
  holidays.splice(i, 1);
  return [204, null];
});

route('GET', scoped('/audit-log'), ({ user, q }) => {
  admin(user);
  let list = audit;
  for (const k of ['entity_type', 'action', 'actor_id']) if (q.get(k)) list = list.filter((a) => a[k] === q.get(k));
  if (q.get('start_date')) list = list.filter((a) => a.created_at.slice(0, 10) >= q.get('start_date'));
  if (q.get('end_date')) list = list.filter((a) => a.created_at.slice(0, 10) <= q.get('end_date'));
  return paginate(list, q);
});
route('GET', scoped('/reports/balances'), ({ user, q }) => {
  admin(user);
  const items = [...employees.keys()].flatMap((eid) => assignedPolicies(eid).map((pid) => ({ ...balance(eid, pid), employee_id: eid })));
  return paginate(items, q);
});
route('GET', scoped('/reports/ledger'), ({ user, q, req }) => {
  admin(user);
  let rows = [...ledger].reverse();
  for (const k of ['policy_id', 'employee_id']) if (q.get(k)) rows = rows.filter((r) => r[k] === q.get(k));
  if (q.get('start_date')) rows = rows.filter((r) => r.effective_at.slice(0, 10) >= q.get('start_date'));
  if (q.get('end_date')) rows = rows.filter((r) => r.effective_at.slice(0, 10) <= q.get('end_date'));
  if (q.get('format') === 'csv' || String(req.headers.accept).includes('text/csv')) {
    const cols = ['id', 'employee_id', 'policy_id', 'policy_version_id', 'entry_type', 'amount_minutes', 'effective_at', 'source_type', 'source_id', 'created_at'];
    return { csv: [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n') + '\n' };
  }
  return paginate(rows, q);
});
route('GET', scoped('/reports/summary'), ({ user }) => {
  admin(user);
  const byStatus = {};
  for (const r of requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const usage = {};
  for (const l of ledger) if (l.entry_type === 'USAGE' || l.entry_type === 'USAGE_REVERSAL') {
    const c = policies.get(l.policy_id).category;
    usage[c] = (usage[c] ?? 0) - l.amount_minutes;
  }
  const teams = new Map();
  for (const e of employees.values()) {
    const t = teams.get(e.manager_id) ?? { manager_id: e.manager_id, manager_name: e.manager_id ? `${employees.get(e.manager_id).first_name} ${employees.get(e.manager_id).last_name}` : null, employees: 0, available_minutes: 0 };
    t.employees += 1;
    for (const pid of assignedPolicies(e.id)) t.available_minutes += balance(e.id, pid).available_minutes ?? 0;
    teams.set(e.manager_id, t);
  }
  return {
    employees: employees.size, policies: policies.size, pending_requests: byStatus.SUBMITTED ?? 0, requests_by_status: byStatus,
    usage_by_category: Object.entries(usage).map(([category, used_minutes]) => ({ category, used_minutes })), balances_by_team: [...teams.values()],
  };
});

// ---------------- server ----------------
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(body === null || body === undefined ? '' : JSON.stringify(body));
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', version: 'mock', environment: 'mock' });
  if (!url.pathname.startsWith('/api/')) {
    let file = join(DIST, url.pathname);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) file = join(DIST, 'index.html');
    if (!existsSync(file)) return sendJson(res, 404, { error: 'Build the SPA first (npm run build).', status_code: 404 });
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
    return res.end(readFileSync(file));
  }
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try {
    const match = routes.map((r) => ({ r, m: r.method === req.method && r.re.exec(url.pathname) })).find((x) => x.m);
    if (!match) fail(404, 'Not found.');
    let body = {};
    if (raw) { try { body = JSON.parse(raw); } catch { fail(422, 'Malformed JSON.'); } }
    let user = null;
    const auth = req.headers.authorization ?? '';
    if (url.pathname !== '/api/health' && !/\/auth\/login$/.test(url.pathname)) {
      const devId = req.headers['x-user-id'];
      const id = auth.startsWith('Bearer mock.') ? auth.slice('Bearer mock.'.length) : devId ?? null;
      if (!id || !accounts.has(id)) fail(401, 'Not authenticated.');
      // Development headers (X-Company-Id / X-User-Id / X-Role), as the real API accepts in development.
      user = { id, role: devId && !auth ? (req.headers['x-role'] ?? 'employee') : accounts.get(id).role };
      if (devId && !auth && req.headers['x-company-id'] !== CID) fail(403, 'Not your company.');
      if (match.m.groups?.cid && match.m.groups.cid !== CID) fail(403, 'Not your company.');
    }
    await new Promise((r) => setTimeout(r, 40)); // a little latency, like a real network
    const out = await match.r.handler({ req, user, body, q: url.searchParams, p: match.m.groups ?? {} });
    const [status, payload] = Array.isArray(out) ? out : [200, out];
    if (payload && typeof payload === 'object' && 'csv' in payload && Object.keys(payload).length === 1) {
      res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="ledger.csv"' });
      return res.end(payload.csv);
    }
    sendJson(res, status, status === 204 ? null : payload);
  } catch (e) {
    const status = e instanceof HttpError ? e.status : 500;
    if (!(e instanceof HttpError)) console.error(e);
    sendJson(res, status, { error: e instanceof HttpError ? e.message : 'Internal error.', detail: e.detail ?? null, status_code: status });
  }
}).listen(PORT, () => console.log(`Mock Power PTO API + SPA on http://localhost:${PORT} (company ${CID})`));
