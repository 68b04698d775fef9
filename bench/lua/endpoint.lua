-- One endpoint of the mix at a time, for profiling: BENCH_KIND = balance | requests | ledger |
-- report | csv | cycle (the same requests mixed.lua sends).
package.path = (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua;" .. package.path
local c = require("common")
local kind = os.getenv("BENCH_KIND") or "balance"

function setup(thread) c.setup(thread) end
function init(args) c.init(args) end

function request()
  if kind == "cycle" then return c.cycle_request() end
  local k, eid = c.random_employee()
  local cid = c.company(k)
  if kind == "balance" then
    return wrk.format("GET", "/api/companies/" .. cid .. "/employees/" .. eid .. "/balances", c.headers(k, eid, "employee"))
  elseif kind == "requests" then
    return wrk.format("GET", "/api/companies/" .. cid .. "/requests?employee_id=" .. eid .. "&limit=20", c.headers(k, eid, "employee"))
  elseif kind == "ledger" then
    return wrk.format("GET", "/api/companies/" .. cid .. "/employees/" .. eid .. "/ledger?limit=20", c.headers(k, eid, "employee"))
  end
  eid = c.employee(0, math.random(c.EMPLOYEES))
  local h = c.headers(0, c.ADMIN, "admin")
  if kind == "csv" then
    h["Accept"] = "text/csv"
    return wrk.format("GET", "/api/companies/" .. c.BIG .. "/reports/ledger?employee_id=" .. eid, h)
  end
  return wrk.format("GET", "/api/companies/" .. c.BIG .. "/reports/ledger?employee_id=" .. eid .. "&limit=50", h)
end

function response(status, headers, body) c.response(status, headers, body) end
function done(summary, latency, requests) c.done(summary, latency, requests) end
