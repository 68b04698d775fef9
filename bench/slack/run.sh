#!/usr/bin/env bash
# Slack interactivity benchmark (issue 29): Slack gives an app 3 s to answer a button click.
# N signed Approve clicks and N signed Deny clicks over real HTTP against the local Slack stand-in;
# the time to the app's answer (the per-company rate limit is lifted for the run). Writes bench/slack/RESULTS.md. Usage: bench/slack/run.sh [clicks]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
clicks="${1:-200}"
mkdir -p "$root/backend/target-bench"
out="$root/backend/target-bench/slack-bench.properties"
cd "$root/backend"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
mvn -q -B -o -Dbuild.dir=target-bench test -Dtest=SlackInteractionBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  "-DargLine=-Dbench.clicks=$clicks -Dbench.out=$out -Dpto.slack.interactions-per-minute=1000000"
get() { grep "^$1=" "$out" | cut -d= -f2; }
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
mem="$(free -h | awk '/^Mem:/ {print $2}')"
cat > "$here/RESULTS.md" <<MD
# Slack interactivity benchmark results

Command: \`bench/slack/run.sh $clicks\` (runs \`SlackInteractionBenchmark\` in \`backend/\` with
\`mvn -o test -Dtest=SlackInteractionBenchmark\`; the runner is
\`backend/src/test/java/com/powerpto/integration/SlackInteractionBenchmark.java\`, not part of \`mvn test\`).

Machine: $(nproc) cores ($cpu), $mem memory, shared with other builds; the application on a random
port over real HTTP, embedded PostgreSQL 17 from the test profile, the Slack Web API stood in by
\`SlackStandIn\` on 127.0.0.1; run on $(date -u +%Y-%m-%d).

What is timed: from sending a click (form body signed v0 like Slack's) to the app's HTTP answer, one
click at a time. Approve includes the signature check, the replay record, the approval (ledger rows,
snapshot, audit) and the outbox rows of the decision; the approvers' message updates and the
employee's message run after the answer. Deny answers after the replay record; its modal opens after
the answer.

| Clicks ($(get clicks) each) | p50 | p95 | p99 | max |
|---|---|---|---|---|
| Approve | $(get approve_p50_ms) ms | $(get approve_p95_ms) ms | $(get approve_p99_ms) ms | $(get approve_max_ms) ms |
| Deny (opens the modal after the answer) | $(get deny_p50_ms) ms | $(get deny_p95_ms) ms | $(get deny_p99_ms) ms | $(get deny_max_ms) ms |

Load average (1/5/15 min) when the run started: $load_before — other engineers' builds share the
two cores, so these are pessimistic figures.

Target: Slack's 3 s (the runner fails when p99 reaches it).
MD
cat "$here/RESULTS.md"
