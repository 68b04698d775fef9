-- Shared by the bench/lua scripts: dataset ids (bench/sql/dataset.sql), per-thread state,
-- the submit -> (approve ->) cancel cycle, error counting and the RESULT line run.sh parses.
-- Env: BENCH_THREADS (wrk -t), BENCH_PHASE (selects a distinct block of future work days per phase),
--      BENCH_APPROVE_PCT (share of cycles that go submit -> approve -> cancel; default 0).
local M = {}

M.EMPLOYEES = 10000          -- big company (k = 0)
M.SMALL_COMPANIES = 1000     -- k = 1..1000, 10 employees each

function M.company(k) return string.format("c0000000-0000-0000-0000-%012x", k) end
function M.employee(k, i) return string.format("e0000000-0000-0000-%04x-%012x", k, i) end
function M.policy(k, p) return string.format("a0000000-0000-0000-%04x-%012x", k, p) end

M.BIG = M.company(0)
M.ADMIN = M.employee(0, 1)

function M.headers(k, user, role, json)
  local h = { ["X-Company-Id"] = M.company(k), ["X-User-Id"] = user, ["X-Role"] = role,
              ["Accept"] = "application/json" }
  if json then h["Content-Type"] = "application/json" end
  return h
end

-- A random employee: 90 % of the traffic on the big tenant, 10 % spread over the small ones.
function M.random_employee()
  if math.random(100) <= 90 then
    return 0, M.employee(0, math.random(M.EMPLOYEES))
  end
  local k = math.random(M.SMALL_COMPANIES)
  return k, M.employee(k, math.random(10))
end

-- ---------------------------------------------------------------- per-thread bookkeeping
local thread_list = {}
local next_id = 0
function M.setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(thread_list, thread)
end

function M.init(args)
  tid = tid or 1
  nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
  phase = tonumber(os.getenv("BENCH_PHASE") or "0")
  approve_pct = tonumber(os.getenv("BENCH_APPROVE_PCT") or "0")
  math.randomseed(os.time() * 1000 + tid * 7919)
  non2xx = 0
  last_error = ""
  submits, approves, cancels = 0, 0, 0
  counts = {}
  -- Submitters: big-company employees 2..N whose number falls in this thread's share (employee 1 is the admin).
  mine = {}
  for i = 2, M.EMPLOYEES do
    if i % nthreads == tid - 1 then table.insert(mine, i) end
  end
  cycle_counter = 0
  queue = {}        -- follow-up steps of open cycles: {kind, rid, eid}
  qhead, qtail = 1, 0
  -- 2027-01-04 is a Monday; each phase gets its own block of 400 work days.
  base_epoch = os.time({ year = 2027, month = 1, day = 4, hour = 12 })
end

function M.count(kind)
  counts[kind] = (counts[kind] or 0) + 1
end

local function workday(index)
  local days = 7 * math.floor(index / 5) + index % 5
  return os.date("!%Y-%m-%d", base_epoch + days * 86400)
end

-- The next step of the submit cycle: a pending approve/cancel if any, else a new submit.
function M.cycle_request()
  if qhead <= qtail then
    local step = queue[qhead]
    queue[qhead] = nil
    qhead = qhead + 1
    local path = "/api/companies/" .. M.BIG .. "/requests/" .. step.rid .. "/" .. step.kind
    if step.kind == "approve" then
      approves = approves + 1
      return wrk.format("POST", path, M.headers(0, M.ADMIN, "admin", true), '{"note":"bench"}')
    end
    cancels = cancels + 1
    return wrk.format("POST", path, M.headers(0, step.eid, "employee", false), nil)
  end
  local n = #mine
  local i = mine[cycle_counter % n + 1]
  local round = math.floor(cycle_counter / n)
  local p = (cycle_counter % 3) + 1
  cycle_counter = cycle_counter + 1
  local day = workday(phase * 400 + round)
  local eid = M.employee(0, i)
  local body = string.format(
    '{"employee_id":"%s","policy_id":"%s","start_at":"%sT09:00:00","end_at":"%sT17:00:00","reason":"bench"}',
    eid, M.policy(0, p), day, day)
  submits = submits + 1
  return wrk.format("POST", "/api/companies/" .. M.BIG .. "/requests", M.headers(0, eid, "employee", true), body)
end

local function push(kind, rid, eid)
  qtail = qtail + 1
  queue[qtail] = { kind = kind, rid = rid, eid = eid }
end

function M.response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    last_error = status .. " " .. string.sub(body or "", 1, 300)
    return
  end
  -- Only the request endpoints answer a single object that starts with its id.
  if body and string.sub(body, 1, 7) == '{"id":"' then
    local rid = string.sub(body, 8, 43)
    local st = string.match(body, '"status":"(%u+)"')
    if st == "SUBMITTED" then
      local eid = string.match(body, '"employee_id":"([%x%-]+)"')
      if math.random(100) <= approve_pct then push("approve", rid, eid) else push("cancel", rid, eid) end
    elseif st == "APPROVED" then
      local eid = string.match(body, '"employee_id":"([%x%-]+)"')
      push("cancel", rid, eid)
    end
  end
end

function M.done(summary, latency, requests)
  local bad, submits_t, approves_t, cancels_t, open_t = 0, 0, 0, 0, 0
  local kinds = {}
  for _, t in ipairs(thread_list) do
    bad = bad + (t:get("non2xx") or 0)
    submits_t = submits_t + (t:get("submits") or 0)
    approves_t = approves_t + (t:get("approves") or 0)
    cancels_t = cancels_t + (t:get("cancels") or 0)
    local qh, qt = t:get("qhead") or 1, t:get("qtail") or 0
    open_t = open_t + (qt - qh + 1)
    local e = t:get("last_error")
    if e and e ~= "" then io.write("LAST_ERROR thread ", t:get("tid"), ": ", e, "\n") end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f non2xx=%d socket_errors=%d submits=%d approves=%d cancels=%d cycles_per_s=%.1f open_steps=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, bad, socket, submits_t, approves_t, cancels_t,
    cancels_t / secs, open_t))
end

return M
