#!/usr/bin/env bash
# Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording:
#   bash bench/jfr-top.sh recording.jfr [top-N]
# Prints (1) the share of samples whose stack contains each layer (inclusive; a sample can count
# in several), (2) the hottest self frames, (3) the hottest com.powerpto frames (inclusive).
set -euo pipefail
file="$1"; top="${2:-15}"
jfr print --stack-depth 96 --events jdk.ExecutionSample "$file" | awk -v top="$top" '
  function flush() {
    if (!in_sample) return
    total++
    if (first != "") self[first]++
    for (c in cats) if (stack ~ cats[c]) hit[c]++
    delete seen
    n = split(app, frames, "|")
    for (i = 1; i <= n; i++) if (frames[i] != "" && !(frames[i] in seen)) { seen[frames[i]] = 1; appinc[frames[i]]++ }
    in_sample = 0
  }
  BEGIN {
    cats["request logging (logback, JSON log formatter)"] = "ch\\.qos\\.logback|JsonLogFormatter|boot\\.json\\.JsonWriter"
    cats["Jackson (JSON bodies, audit JSON)"] = "com\\.fasterxml\\.jackson"
    cats["PostgreSQL JDBC driver"] = "org\\.postgresql"
    cats["HikariCP"] = "com\\.zaxxer\\.hikari"
    cats["Spring Security filter chain"] = "org\\.springframework\\.security"
    cats["Spring MVC dispatch"] = "org\\.springframework\\.web\\.servlet\\.DispatcherServlet"
    cats["Spring JDBC (JdbcClient/NamedParameter)"] = "org\\.springframework\\.jdbc"
    cats["Micrometer (metrics, histograms)"] = "io\\.micrometer"
    cats["Tomcat/NIO I/O"] = "org\\.apache\\.tomcat\\.util\\.net|sun\\.nio\\.ch"
    cats["application code (com.powerpto)"] = "com\\.powerpto"
    cats["java.util.regex"] = "java\\.util\\.regex"
    cats["GC/JIT threads (not sampled: Java threads only)"] = "^$"
  }
  /^jdk\.ExecutionSample/ { flush(); in_sample = 1; stack = ""; first = ""; app = ""; depth = 0; next }
  /^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.<>]*\(.*\)/ && in_sample {
    f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f)
    if (first == "") first = f
    stack = stack "\n" f
    if (f ~ /^com\.powerpto/) { g = f; sub(/\(.*/, "", g); app = app "|" g }
    next
  }
  END {
    flush()
    printf "%d samples\n\nlayer (inclusive)                                   share\n", total
    for (c in hit) printf "%-52s %5.1f %%\n", c, 100 * hit[c] / total | "sort -t\"|\" -k1,1 -k2 -rn | sort -k2 -t%  -rn"
    close("sort -t\"|\" -k1,1 -k2 -rn | sort -k2 -t%  -rn")
    printf "\nhottest self frames\n"
    for (f in self) printf "%5.1f %%  %s\n", 100 * self[f] / total, f | ("sort -rn | head -" top)
    close("sort -rn | head -" top)
    printf "\nhottest application frames (inclusive)\n"
    for (f in appinc) printf "%5.1f %%  %s\n", 100 * appinc[f] / total, f | ("sort -rn | head -" top)
    close("sort -rn | head -" top)
  }'
