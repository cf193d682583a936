#!/usr/bin/env bash
# Fetches the bge-small-zh-v1.5 int8 embedding model from Maven Central into embeddings/model/bge-small-zh-v1.5/
# and verifies it (the work is done by fetch.ts). Idempotent: a verified model is left alone.
# Usage: fetch.sh [--optional]   (--optional: a failure prints a note and exits 0; npm's postinstall uses it)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tsx="$here/../../node_modules/.bin/tsx"
if [[ ! -x "$tsx" ]]; then
  if [[ "${1:-}" == "--optional" ]]; then
    echo "note: the embedding model was not fetched (tsx is not installed yet); run 'npm run model:fetch' after 'npm install'. Semantic search is off until then." >&2
    exit 0
  fi
  echo "model: error: $tsx not found; run 'npm install' first" >&2
  exit 1
fi
exec "$tsx" "$here/fetch.ts" "$@"
