-- Balance reads: GET /api/companies/{cid}/employees/{eid}/balances, each as the employee themself.
package.path = (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua;" .. package.path
local c = require("common")

function setup(thread) c.setup(thread) end
function init(args) c.init(args) end
function request()
  local k, eid = c.random_employee()
  return wrk.format("GET", "/api/companies/" .. c.company(k) .. "/employees/" .. eid .. "/balances",
    c.headers(k, eid, "employee", false), nil)
end
function response(status, headers, body) c.response(status, headers, body) end
function done(summary, latency, requests) c.done(summary, latency, requests) end
