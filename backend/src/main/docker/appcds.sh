#!/bin/sh
# Application class-data sharing (AppCDS) for the backend image, and for the start-up bench and the
# infrastructure drills, which prepare the jar exactly the way the image does (decision 0066).
#
# 1. Extract the Spring Boot jar: CDS archives classes from plain jars on the class path only, never
#    from the nested jars of an executable jar.
# 2. Start the application once in api mode, without a database (DATABASE_URL points at a closed
#    port; the pool starts without connecting), and let Spring exit right after the context is
#    refreshed (spring.context.exit=onRefresh): the JVM then writes every class it loaded into the
#    archive (-XX:ArchiveClassesAtExit). A later start maps the archive (-XX:SharedArchiveFile)
#    instead of reading, verifying and parsing those classes again.
#
# The training run uses production's settings with throwaway values, so it loads the classes
# production loads; nothing it does reaches a network.
# Usage: appcds.sh <power-pto.jar> <dest>   ->  <dest>/power-pto.jar, <dest>/lib/, <dest>/app.jsa
set -eu
jar=$1
dest=$2

java -Djarmode=tools -jar "$jar" extract --destination "$dest"
ENVIRONMENT=production \
  JWT_SECRET=appcds-training-only-not-a-real-signing-key-000000 \
  PAYROLL_WEBHOOK_SECRET=appcds-training-only \
  DATABASE_URL=postgresql://appcds:appcds@127.0.0.1:9/appcds \
  AWS_REGION=us-east-1 \
  APP_BASE_URL=https://appcds-training.invalid \
  java -XX:ArchiveClassesAtExit="$dest/app.jsa" -Xlog:cds=error -Xlog:cds+dynamic=error \
    -Dspring.context.exit=onRefresh -jar "$dest/power-pto.jar" api >"$dest/appcds-training.log" 2>&1 \
  || { cat "$dest/appcds-training.log" >&2; exit 1; }
test -s "$dest/app.jsa"
rm -f "$dest/appcds-training.log"
chmod 0444 "$dest/app.jsa"
