#!/usr/bin/env python3
"""The budget per request of the hot paths (issue 27), measured on the bench's running API.

    python3 bench/paths.py URL API_PID POSTMASTER_PID [N]

For each path in turn (balance read, submit, cancel of a submitted request, approve, cancel of an
approved request, ledger page) it resets pg_stat_statements, sends N requests one after the other
(one keep-alive connection, development headers as in bench/lua), and reports per request:
statements (pg_stat_statements calls, BEGIN/COMMIT included), round trips (see below), PostgreSQL execution
time, and CPU ms of the API and of PostgreSQL (all its processes, from /proc). Then every
statement with its calls per request. pg_stat_statements does not list COMMIT: a transaction's
COMMIT is one more round trip, which BEGIN (sent with the first query) makes up for, so round trips
= statements counted. Sequential requests: the CPU per request has no queueing in
it, the statement counts are exact. psql must reach the bench database (PGHOST etc. set).
Submits use their own employees and days (blocks 5 and 6 of bench/lua/common.lua's work days).
"""
import datetime
import http.client
import json
import os
import subprocess
import sys
import urllib.parse

BIG = "c0000000-0000-0000-0000-000000000000"
ADMIN = "e0000000-0000-0000-0000-000000000001"
HZ = os.sysconf("SC_CLK_TCK")


def employee(k, i):
    return "e0000000-0000-0000-%04x-%012x" % (k, i)


def policy(k, p):
    return "a0000000-0000-0000-%04x-%012x" % (k, p)


def workday(index):
    return datetime.date(2027, 1, 4) + datetime.timedelta(days=7 * (index // 5) + index % 5)


def psql(sql):
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def jiffies(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[11..14] = utime stime cutime cstime (1-based 14..17 of proc(5))
    return [int(x) for x in fields[11:15]]


def pg_cpu(postmaster):
    total = sum(jiffies(postmaster))
    try:
        children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
    except FileNotFoundError:
        children = []
    for c in children:
        try:
            total += sum(jiffies(int(c))[:2])
        except (FileNotFoundError, ProcessLookupError):
            pass
    return total


def api_cpu(pid):
    return sum(jiffies(pid)[:2])


class Client:
    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)

    def call(self, method, path, company, user, role, body=None):
        headers = {"X-Company-Id": company, "X-User-Id": user, "X-Role": role, "Accept": "application/json"}
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body)
        self.conn.request(method, path, body=data, headers=headers)
        response = self.conn.getresponse()
        text = response.read().decode()
        if response.status >= 300:
            raise SystemExit("%s %s -> %d %s" % (method, path, response.status, text[:300]))
        return json.loads(text) if text else None


def measure(name, n, send, api_pid, postmaster):
    psql("SELECT pg_stat_statements_reset()")
    a0, p0 = api_cpu(api_pid), pg_cpu(postmaster)
    for i in range(n):
        send(i)
    a1, p1 = api_cpu(api_pid), pg_cpu(postmaster)
    rows = psql("""SELECT calls, round(total_exec_time::numeric, 3), regexp_replace(query, '\\s+', ' ', 'g')
                   FROM pg_stat_statements
                   WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC, total_exec_time DESC""")
    statements = [(int(c), float(t), q) for c, t, q in rows]
    calls = sum(c for c, _, _ in statements)
    begins = sum(c for c, _, q in statements if q.strip().upper() in ("BEGIN", "BEGIN READ ONLY"))
    exec_ms = sum(t for _, t, _ in statements)
    ms = 1000.0 / HZ
    return {"name": name, "n": n, "statements": calls / n, "round_trips": calls / n, "transactions": begins / n,
            "exec_ms": exec_ms / n, "api_ms": (a1 - a0) * ms / n, "pg_ms": (p1 - p0) * ms / n,
            "list": statements}


def main():
    url, api_pid, postmaster = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    client = Client(url)
    results = []
    ids = {}

    def balance(i):
        eid = employee(0, 2 + (i * 37) % 9999)
        client.call("GET", "/api/companies/%s/employees/%s/balances" % (BIG, eid), BIG, eid, "employee")

    def submit(block):
        def send(i):
            eid = employee(0, 2 + i)
            day = workday(block * 400).isoformat()
            r = client.call("POST", "/api/companies/%s/requests" % BIG, BIG, eid, "employee",
                            {"employee_id": eid, "policy_id": policy(0, 1), "start_at": day + "T09:00:00",
                             "end_at": day + "T17:00:00", "reason": "paths"})
            ids[(block, i)] = r["id"]
        return send

    def approve(block):
        def send(i):
            client.call("POST", "/api/companies/%s/requests/%s/approve" % (BIG, ids[(block, i)]), BIG, ADMIN, "admin",
                        {"note": "paths"})
        return send

    def cancel(block):
        def send(i):
            client.call("POST", "/api/companies/%s/requests/%s/cancel" % (BIG, ids[(block, i)]), BIG,
                        employee(0, 2 + i), "employee")
        return send

    def ledger(i):
        eid = employee(0, 2 + (i * 53) % 9999)
        client.call("GET", "/api/companies/%s/employees/%s/ledger?limit=20" % (BIG, eid), BIG, eid, "employee")

    results.append(measure("balance read", n, balance, api_pid, postmaster))
    results.append(measure("submit", n, submit(5), api_pid, postmaster))
    results.append(measure("cancel (submitted)", n, cancel(5), api_pid, postmaster))
    results.append(measure("submit (again)", n, submit(6), api_pid, postmaster))
    results.append(measure("approve", n, approve(6), api_pid, postmaster))
    results.append(measure("cancel (approved)", n, cancel(6), api_pid, postmaster))
    results.append(measure("ledger page", n, ledger, api_pid, postmaster))

    print("| path | requests | statements / request | round trips / request | PostgreSQL exec ms / request |"
          " CPU ms / request: API | CPU ms / request: PostgreSQL |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print("| %s | %d | %.2f | %.2f | %.3f | %.2f | %.2f |" % (r["name"], r["n"], r["statements"], r["round_trips"],
                                                               r["exec_ms"], r["api_ms"], r["pg_ms"]))
    print()
    for r in results:
        print("%s — statements per request (calls / %d), mean ms, statement:" % (r["name"], r["n"]))
        for calls, total, query in r["list"]:
            print("  %5.2f  %7.3f  %s" % (calls / r["n"], total / calls if calls else 0, query[:170]))
        print()


if __name__ == "__main__":
    main()
