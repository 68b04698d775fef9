-- Submit + cancel cycles (the write path the pgbench anchor bench/pgbench/submit.sql mirrors):
-- POST /requests (HOLD), then POST /requests/{id}/cancel (HOLD_RELEASE) by the owner, so balances
-- stay put. BENCH_APPROVE_PCT > 0 routes that share through approve (admin) before the cancel.
-- Each wrk thread submits for its own share of the employees, on future work days that never
-- repeat within a phase, so no two live requests overlap (no 409s).
package.path = (os.getenv("BENCH_LUA_DIR") or "bench/lua") .. "/?.lua;" .. package.path
local c = require("common")

function setup(thread) c.setup(thread) end
function init(args) c.init(args) end
function request() return c.cycle_request() end
function response(status, headers, body) c.response(status, headers, body) end
function done(summary, latency, requests) c.done(summary, latency, requests) end
