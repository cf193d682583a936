#!/usr/bin/env bash
# Starts the local Neo4j 5.26 Community server (npm run neo4j:start): jars from Maven Central on first use,
# configuration and data under <data folder>/neo4j, Bolt on 127.0.0.1. Idempotent: a running server is left alone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

READY_TIMEOUT_SECONDS="${NEO4J_START_TIMEOUT:-180}"
NEO4J_USER="${NEO4J_USER:-neo4j}"
NEO4J_PASSWORD="${NEO4J_PASSWORD:-policygraph-local}"
export NEO4J_USER NEO4J_PASSWORD
NEO4J_VERSION="$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$SERVER_DIR/pom.xml")"

# The port comes from NEO4J_URI when it names one, so the server and its clients agree.
BOLT_PORT=7687
if [[ "${NEO4J_URI:-}" =~ :([0-9]+)/?$ ]]; then BOLT_PORT="${BASH_REMATCH[1]}"; fi
export NEO4J_URI="${NEO4J_URI:-bolt://127.0.0.1:$BOLT_PORT}"

wait_ready() {
  "$REPO_ROOT/node_modules/.bin/tsx" "$SERVER_DIR/wait-ready.ts" "$@"
}

if pid="$(running_pid)"; then
  echo "Neo4j is already running (pid $pid, data $NEO4J_HOME, $NEO4J_URI)"
  wait_ready "$READY_TIMEOUT_SECONDS" "$pid"
  exit 0
fi

if [ "$NEO4J_USER" != "neo4j" ]; then
  echo "the local server's initial user is always 'neo4j'; unset NEO4J_USER or set it to neo4j (got '$NEO4J_USER')" >&2
  exit 1
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$BOLT_PORT") 2>/dev/null; then
  echo "port $BOLT_PORT on 127.0.0.1 is already in use by another process; stop it or set NEO4J_URI to another port" >&2
  exit 1
fi

if [ ! -f "$LIB_DIR/neo4j-$NEO4J_VERSION.jar" ]; then
  echo "fetching Neo4j $NEO4J_VERSION and its dependencies from Maven Central into $LIB_DIR" >&2
  rm -rf "$LIB_DIR"
  mvn -q -B -f "$SERVER_DIR/pom.xml" package
fi

mkdir -p "$NEO4J_CONF_DIR" "$NEO4J_HOME/run" "$NEO4J_HOME/logs" "$NEO4J_HOME/data" "$NEO4J_HOME/import" "$NEO4J_HOME/plugins"
sed -e "s|@NEO4J_HOME@|$NEO4J_HOME|g" -e "s|@BOLT_PORT@|$BOLT_PORT|g" "$SERVER_DIR/neo4j.conf" > "$NEO4J_CONF_DIR/neo4j.conf"

# The password only takes effect before the first start, when no auth file exists yet.
if [ ! -f "$NEO4J_HOME/data/dbms/auth.ini" ]; then
  NEO4J_HOME="$NEO4J_HOME" NEO4J_CONF="$NEO4J_CONF_DIR" \
    java -cp "$LIB_DIR/*" org.neo4j.cli.AdminTool dbms set-initial-password "$NEO4J_PASSWORD" >/dev/null
fi

conf_value() { sed -n "s/^$1=//p" "$NEO4J_CONF_DIR/neo4j.conf" | tail -n 1; }
JVM_OPTS=(
  "-Xms$(conf_value 'server\.memory\.heap\.initial_size')"
  "-Xmx$(conf_value 'server\.memory\.heap\.max_size')"
)
while IFS= read -r option; do JVM_OPTS+=("$option"); done < <(sed -n 's/^server\.jvm\.additional=//p' "$NEO4J_CONF_DIR/neo4j.conf")

echo "starting Neo4j $NEO4J_VERSION (data $NEO4J_HOME, log $CONSOLE_LOG)"
# setsid detaches the server from this shell's process group; the inner shell records its own pid, then becomes java.
setsid bash -c 'echo $$ > "$0"; exec "$@"' "$PID_FILE" \
  java "${JVM_OPTS[@]}" -cp "$LIB_DIR/*" org.neo4j.server.CommunityEntryPoint \
  --home-dir="$NEO4J_HOME" --config-dir="$NEO4J_CONF_DIR" \
  >>"$CONSOLE_LOG" 2>&1 </dev/null &

for _ in $(seq 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
pid="$(cat "$PID_FILE")"

if ! wait_ready "$READY_TIMEOUT_SECONDS" "$pid"; then
  echo "Neo4j did not become ready; last lines of $CONSOLE_LOG:" >&2
  tail -n 20 "$CONSOLE_LOG" >&2 || true
  kill "$pid" 2>/dev/null || true
  exit 1
fi
echo "Neo4j is ready at $NEO4J_URI (pid $pid)"
