#!/usr/bin/env bash
# Stops the local Neo4j started by start.sh (npm run neo4j:stop): SIGTERM for a clean shutdown, SIGKILL after
# a bounded wait. Idempotent: nothing running is not an error.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

STOP_TIMEOUT_SECONDS="${NEO4J_STOP_TIMEOUT:-60}"

if ! pid="$(running_pid)"; then
  echo "Neo4j is not running (data $NEO4J_HOME)"
  rm -f "$PID_FILE"
  exit 0
fi

kill -TERM "$pid"
for _ in $(seq $((STOP_TIMEOUT_SECONDS * 10))); do
  kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; echo "Neo4j stopped (pid $pid)"; exit 0; }
  sleep 0.1
done
echo "Neo4j (pid $pid) did not stop within ${STOP_TIMEOUT_SECONDS} s; killing it" >&2
kill -KILL "$pid" 2>/dev/null || true
rm -f "$PID_FILE"
