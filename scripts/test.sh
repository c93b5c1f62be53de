#!/usr/bin/env bash
# Installs what is missing and runs the whole test suite: type-check, lint,
# unit and integration tests (jest), and the end-to-end tests (Playwright
# driving Debian's Chromium against the real backend and built frontend).
# Every step runs even when an earlier one fails, so one run shows all
# problems; the exit code is non-zero if any step failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bootstrap.sh"
source "$REPO_ROOT/scripts/lib/system-deps.sh"
bootstrap
cd "$REPO_ROOT"
ensure_chromium
ensure_postgres
ensure_java_and_maven

# Real services for the integration tests; with INTERCHANGE_REQUIRE_* set, a
# test that cannot reach its service fails instead of being skipped.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$(scripts/postgres/start.sh | tail -n 1)"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
export INTERCHANGE_REQUIRE_POSTGRES=1
INTERCHANGE_TEST_KAFKA_BROKERS="$(scripts/kafka/start.sh | tail -n 1)"
export INTERCHANGE_TEST_KAFKA_BROKERS
export INTERCHANGE_REQUIRE_KAFKA=1
# Installs Debian's rabbitmq-server when missing; prints the management URL.
INTERCHANGE_TEST_RABBITMQ_URL="$(scripts/rabbitmq/start.sh | tail -n 1)"
export INTERCHANGE_TEST_RABBITMQ_URL
# The same node's rabbitmq_prometheus endpoint (scripts/rabbitmq/lib.sh).
INTERCHANGE_TEST_RABBITMQ_PROMETHEUS_URL="$(source scripts/rabbitmq/lib.sh && echo "$RABBITMQ_PROMETHEUS_URL")"
export INTERCHANGE_TEST_RABBITMQ_PROMETHEUS_URL
export INTERCHANGE_REQUIRE_RABBITMQ=1
# Installs Debian's prometheus when missing; prints its URL. The mesh
# metrics tests list the endpoint they serve as its scrape target.
INTERCHANGE_TEST_PROMETHEUS_URL="$(scripts/prometheus/start.sh | tail -n 1)"
export INTERCHANGE_TEST_PROMETHEUS_URL
export INTERCHANGE_REQUIRE_PROMETHEUS=1

results="$REPO_ROOT/test-results"
rm -rf "$results"
mkdir -p "$results"

failed_steps=()
step() {
  local name="$1"
  shift
  log "── $name: $*"
  local start=$SECONDS
  if "$@"; then
    log "── $name: ok ($((SECONDS - start)) s)"
  else
    log "── $name: FAILED ($((SECONDS - start)) s)"
    failed_steps+=("$name")
  fi
}

step "type-check" yarn tsc
step "lint" yarn lint:all
# The public API of every published package, as Backstage's own packages do:
# reads dist-types from the type-check step; fails when a report would change
# (regenerate with `yarn build:api-reports` and commit the report*.api.md).
step "API reports are current" yarn build:api-reports:only --ci
step "OpenAPI generated code is current" scripts/contract/openapi-check.sh
# Every publishable package builds and packs (prepack included) into dist-packages/.
step "pack publishable packages" scripts/pack/pack.sh
step "unit and integration tests" env CI=true yarn backstage-cli repo test \
  --json --outputFile="$results/jest.json"
step "seed demo Kafka data" node scripts/kafka/seed-demo.cjs "$INTERCHANGE_TEST_KAFKA_BROKERS"
step "seed demo RabbitMQ data" node scripts/rabbitmq/seed-demo.cjs "$INTERCHANGE_TEST_RABBITMQ_URL"
step "build frontend" yarn workspace app build
step "end-to-end tests" env CI=true yarn playwright test
# After the end-to-end tests: their backend has stopped and port 7007 is free.
step "API contract (Schemathesis)" scripts/contract/schemathesis.sh
# Interchange installed into fresh @backstage/create-app apps (new frontend
# system and --legacy) by the README's own commands, from the pack step's
# tarballs, on free ports; screenshots in test-results/adoption/.
step "adoption test (README install into create-app apps)" scripts/adoption/run.sh

node scripts/lib/summarize-tests.js "$results"
if [ "${#failed_steps[@]}" -gt 0 ]; then
  log "failed steps: ${failed_steps[*]}"
  exit 1
fi
log "all steps passed"
