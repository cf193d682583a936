# Shared by start.sh and stop.sh: where the local Neo4j lives and how to recognise its process.
SERVER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SERVER_DIR/../.." && pwd)"

# Same rule as src/config.ts: POLICY_GRAPH_DATA (relative to the current directory) or ./data of the repository.
DATA_DIR="${POLICY_GRAPH_DATA:-$REPO_ROOT/data}"
mkdir -p "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"

NEO4J_HOME="$DATA_DIR/neo4j"
NEO4J_CONF_DIR="$NEO4J_HOME/conf"
PID_FILE="$NEO4J_HOME/run/server.pid"
CONSOLE_LOG="$NEO4J_HOME/logs/console.log"
LIB_DIR="$SERVER_DIR/lib"

# The pid in PID_FILE if that process is alive and is our server for this data folder (not a recycled pid).
running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "CommunityEntryPoint --home-dir=$NEO4J_HOME " || return 1
  echo "$pid"
}
