#!/usr/bin/env bash
# Checks the Interchange backend against its own OpenAPI contract with a
# client no one here wrote: Schemathesis (PyPI) generates requests from the
# spec the backend serves at /api/interchange/openapi.json and sends them to
# the running demo backend with a guest user's token. A response that is a
# 5xx, has a status code the spec does not list, a body that breaks its
# schema or the wrong content type is a failure.
#
# Starts the demo backend as the end-to-end tests do (demo data on in-memory
# SQLite, the local Kafka broker) unless one already answers on the port, and
# stops it again. Schemathesis lives in the git-ignored
# .cache/schemathesis-venv. Exits non-zero on any failure or error.
#
# Environment: INTERCHANGE_CONTRACT_PORT (7007), SCHEMATHESIS_MAX_EXAMPLES
# (cases per operation and phase, 25), SCHEMATHESIS_SEED.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"
log() { printf '[interchange] %s\n' "$*" >&2; }

SCHEMATHESIS_VERSION=4.32.5
port="${INTERCHANGE_CONTRACT_PORT:-7007}"
base="http://127.0.0.1:${port}"
venv="$REPO_ROOT/.cache/schemathesis-venv"
results="$REPO_ROOT/test-results/contract"
mkdir -p "$results"

if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    "schemathesis==$SCHEMATHESIS_VERSION"
fi

ready() { curl -sf -o /dev/null "$base/.backstage/health/v1/readiness"; }

backend_pid=""
stop_backend() {
  if [ -n "$backend_pid" ]; then
    # The backend runs in its own process group (set -m): yarn, the CLI and
    # the node process it forks all stop together.
    kill -- "-$backend_pid" 2>/dev/null || true
    wait "$backend_pid" 2>/dev/null || true
  fi
}
trap stop_backend EXIT

if ready; then
  log "using the backend already answering on $base"
else
  log "starting the demo backend on $base (log: test-results/contract/backend.log)"
  # The backend's own entry point without `backstage-cli package start`:
  # that one restarts on every file change, and a restart mid-run would
  # show up as 503s.
  transform="$(cd packages/backend &&
    node -p 'require.resolve("@backstage/cli-node/config/nodeTransform.cjs")')"
  set -m
  (cd packages/backend && exec env NODE_ENV=development node \
    --enable-source-maps --require "$transform" src/index.ts \
    --config ../../app-config.yaml --config ../../app-config.e2e.yaml \
    >"$results/backend.log" 2>&1) &
  backend_pid=$!
  set +m
  for _ in $(seq 1 300); do
    ready && break
    if ! kill -0 "$backend_pid" 2>/dev/null; then
      log "the backend exited; see $results/backend.log"
      exit 1
    fi
    sleep 1
  done
  ready || { log "the backend was not ready within 300 s"; exit 1; }
fi

# A user token the way the app gets one: the guest provider's refresh.
token="$(curl -sf -H 'X-Requested-With: XMLHttpRequest' \
  "$base/api/auth/guest/refresh" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).backstageIdentity?.token;if(!t)process.exit(1);console.log(t)})')" || {
  log "no guest token from $base/api/auth/guest/refresh"
  exit 1
}

log "running schemathesis against $base/api/interchange/openapi.json"
set +e
# One worker: Python 3.11's parser is not thread-safe ("AST constructor
# recursion depth mismatch" from Hypothesis with two).
"$venv/bin/st" --config-file "$REPO_ROOT/scripts/contract/schemathesis.toml" \
  run "$base/api/interchange/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
  --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}" \
  ${SCHEMATHESIS_SEED:+--seed "$SCHEMATHESIS_SEED"} \
  --workers 1 \
  --request-timeout 30 \
  --no-color \
  --generation-database none \
  --report junit,ndjson --report-dir "$results" \
  2>&1 | tee "$results/schemathesis.log"
status=${PIPESTATUS[0]}
set -e

# One line for the test log: cases generated, failures and errors.
node - "$results/schemathesis.log" <<'EOF'
const text = require('fs').readFileSync(process.argv[2], 'utf8');
const n = re => (text.match(re) ?? [, '0'])[1];
const cases = n(/Test cases:\s*\n?\s*(\d+) generated/i);
const failures = n(/(\d+) failures?\b/i);
const errors = n(/(\d+) errors?\b/i);
console.log(
  `schemathesis: ${cases} generated cases, ${failures} failures, ${errors} errors`,
);
EOF
exit "$status"
