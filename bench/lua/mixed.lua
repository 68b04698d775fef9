-- The realistic mix, by share of requests:
--   40 % balance reads (employee, self)           12 % request list (self, employee_id filter)
--   12 % ledger page (self, limit 20)              6 % ledger report JSON (admin, employee_id filter)
--    3 % ledger report CSV export (admin)          27 % request writes: submit -> approve (admin,
--        half of the cycles) -> cancel (owner), so balances end where they began.
package.path = (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua;" .. package.path
local c = require("common")

function setup(thread) c.setup(thread) end
function init(args) c.init(args) end

function request()
  local r = math.random(100)
  if r <= 40 then
    local k, eid = c.random_employee()
    return wrk.format("GET", "/api/companies/" .. c.company(k) .. "/employees/" .. eid .. "/balances",
      c.headers(k, eid, "employee", false), nil)
  elseif r <= 52 then
    local k, eid = c.random_employee()
    return wrk.format("GET", "/api/companies/" .. c.company(k) .. "/requests?employee_id=" .. eid .. "&limit=20",
      c.headers(k, eid, "employee", false), nil)
  elseif r <= 64 then
    local k, eid = c.random_employee()
    return wrk.format("GET", "/api/companies/" .. c.company(k) .. "/employees/" .. eid .. "/ledger?limit=20",
      c.headers(k, eid, "employee", false), nil)
  elseif r <= 70 then
    local eid = c.employee(0, math.random(c.EMPLOYEES))
    return wrk.format("GET", "/api/companies/" .. c.BIG .. "/reports/ledger?employee_id=" .. eid .. "&limit=50",
      c.headers(0, c.ADMIN, "admin", false), nil)
  elseif r <= 73 then
    local eid = c.employee(0, math.random(c.EMPLOYEES))
    local h = c.headers(0, c.ADMIN, "admin", false)
    h["Accept"] = "text/csv"
    return wrk.format("GET", "/api/companies/" .. c.BIG .. "/reports/ledger?employee_id=" .. eid, h, nil)
  end
  return c.cycle_request()
end

function response(status, headers, body) c.response(status, headers, body) end
function done(summary, latency, requests) c.done(summary, latency, requests) end
