#!/usr/bin/env bash
# The adoption test: Interchange installed into fresh Backstage apps the way
# the top-level README tells a reader to, from the packed tarballs.
#
# For a new-frontend-system app and a --legacy app (`npx @backstage/create-app`,
# pinned below), in parallel, in a temporary folder outside the repository:
#   1. create the app; seed its yarn.lock from ours (create-app fetches a seed
#      lockfile from GitHub, which CI cannot reach; ours holds versions the
#      registry serves and its package-age gate accepts) and pin the
#      template's other @backstage/* packages to the release's versions
#      (scripts/adoption/pin-release.cjs),
#   2. run the README's "Before the packages are on npm" block, then its
#      `yarn add` lines, then paste its code blocks where it says
#      (scripts/adoption/apply.cjs) - a wrong instruction fails here,
#   3. type-check the app (`yarn tsc`) and build its frontend,
#   4. start its backend (serving the built frontend) on a free port with the
#      demo's catalog files, and in Chromium open a KafkaTopic page, the
#      Integrations page through the sidebar and a GatewayRoute page
#      (scripts/adoption/browse.cjs); screenshots in test-results/adoption/.
# Logs: test-results/adoption/<flavour>.log. Prints each phase's time.
# KEEP_ADOPTION_APPS=1 keeps the temporary folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/bootstrap.sh"
ensure_node
ensure_node_headers
ensure_yarn
export YARN_ENABLE_TELEMETRY=0 BACKSTAGE_CLI_TELEMETRY=0
# The apps are new projects whose lockfile the README's install steps must
# write. Yarn turns on immutable installs when CI is set (as in our CI), which
# would refuse exactly the change a reader makes on their machine.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
# The create-app release of Backstage 1.55, the version this repository is on
# (backstage.json); bump both together.
CREATE_APP_VERSION=0.9.2

here="$REPO_ROOT/scripts/adoption"
out="$REPO_ROOT/test-results/adoption"
rm -rf "$out"
mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/interchange-adoption.XXXXXX")"
t0=$SECONDS

server_pids=()
cleanup() {
  local pid
  for pid in "${server_pids[@]}"; do
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  done
  if [ -z "${KEEP_ADOPTION_APPS:-}" ]; then rm -rf "$work"; else log "adoption: apps kept in $work"; fi
}
trap cleanup EXIT

# The tarballs: from the pack step when it ran, else packed now.
if ! ls "$REPO_ROOT"/dist-packages/*.tgz >/dev/null 2>&1; then
  "$REPO_ROOT/scripts/pack/pack.sh" >&2
fi
mkdir -p "$work/packages"
cp "$REPO_ROOT"/dist-packages/*.tgz "$work/packages/"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

phase() { # flavour name start
  log "adoption: $1: $2 ($((SECONDS - $3)) s)"
}

readme() { node "$here/readme.cjs" "$1"; }

# Runs a README shell block line by line, echoing each command.
run_readme_block() {
  bash -euxo pipefail -c "$(readme "$1")"
}

prepare_app() {
  local flavour="$1" dir="$work/$1" t
  local -a legacy_flag=()
  [ "$flavour" = legacy ] && legacy_flag=(--legacy)

  t=$SECONDS
  (cd "$work" && echo "interchange-$flavour" |
    npx -y "@backstage/create-app@$CREATE_APP_VERSION" --skip-install --path "$dir" "${legacy_flag[@]}")
  cp "$REPO_ROOT/yarn.lock" "$dir/yarn.lock"
  node "$here/pin-release.cjs" "$dir"
  # As in this repository's package.json: keytar (the CLI's optional
  # credential store) needs libsecret's headers, which CI lacks, and
  # cpu-features is optional; neither has to do with Interchange.
  (cd "$dir" && npm pkg set dependenciesMeta.keytar.built=false dependenciesMeta.cpu-features.built=false --json)
  phase "$flavour" "created with @backstage/create-app@$CREATE_APP_VERSION" "$t"

  cd "$dir"
  t=$SECONDS
  INTERCHANGE_PACKAGES="$work/packages" run_readme_block tarballs
  yarn install
  phase "$flavour" "README tarball resolutions + yarn install" "$t"

  t=$SECONDS
  run_readme_block backend-install
  if [ "$flavour" = next ]; then
    run_readme_block frontend-install
  else
    run_readme_block legacy-frontend-install
  fi
  node "$here/apply.cjs" "$dir" "$flavour"
  phase "$flavour" "README yarn add lines and code blocks" "$t"

  t=$SECONDS
  yarn tsc
  phase "$flavour" "type-check (yarn tsc)" "$t"

  t=$SECONDS
  yarn workspace app build
  phase "$flavour" "frontend build" "$t"
}

start_app() {
  local flavour="$1" port="$2" dir="$work/$1"
  cat > "$dir/app-config.adoption.yaml" <<YAML
app:
  baseUrl: http://localhost:$port
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
  cors:
    origin: http://localhost:$port
catalog:
  locations:
    - { type: file, target: $REPO_ROOT/examples/integrations/kafka-topics.yaml }
    - { type: file, target: $REPO_ROOT/examples/integrations/gateway-routes.yaml }
    - { type: file, target: $REPO_ROOT/examples/components.yaml }
    - { type: file, target: $REPO_ROOT/examples/apis.yaml }
    - type: file
      target: $REPO_ROOT/examples/systems.yaml
      rules: [{ allow: [System, Domain] }]
    - type: file
      target: $REPO_ROOT/examples/org.yaml
      rules: [{ allow: [User, Group] }]
YAML
  (cd "$dir/packages/backend" &&
    exec setsid yarn start --config ../../app-config.yaml --config ../../app-config.adoption.yaml) \
    >"$out/$flavour-backend.log" 2>&1 &
  server_pids+=("$!")
}

wait_ready() {
  local flavour="$1" port="$2" t=$SECONDS
  until curl -fsS "http://127.0.0.1:$port/.backstage/health/v1/readiness" >/dev/null 2>&1; do
    if [ $((SECONDS - t)) -gt 300 ]; then
      log "adoption: $flavour: backend not ready after 300 s; tail of its log:"
      tail -n 40 "$out/$flavour-backend.log" >&2
      return 1
    fi
    sleep 3
  done
  phase "$flavour" "backend up on :$port" "$t"
}

# 1-3 for both apps at once (installs and builds overlap on the shared Yarn cache).
declare -A prep_pid
for flavour in next legacy; do
  prepare_app "$flavour" >"$out/$flavour.log" 2>&1 &
  prep_pid[$flavour]=$!
done
failed=0
for flavour in next legacy; do
  if ! wait "${prep_pid[$flavour]}"; then
    log "adoption: $flavour: preparing the app FAILED; tail of test-results/adoption/$flavour.log:"
    tail -n 60 "$out/$flavour.log" >&2
    failed=1
  fi
done
grep -h '^\[interchange\] adoption:' "$out/next.log" "$out/legacy.log" >&2 || true
[ "$failed" = 0 ] || exit 1

# 4. Both backends, then the browser.
declare -A port
for flavour in next legacy; do
  port[$flavour]="$(free_port)"
  start_app "$flavour" "${port[$flavour]}"
done
for flavour in next legacy; do
  wait_ready "$flavour" "${port[$flavour]}"
done
for flavour in next legacy; do
  t=$SECONDS
  node "$here/browse.cjs" "http://localhost:${port[$flavour]}" "$flavour" "$out"
  phase "$flavour" "browser checks" "$t"
done

log "adoption: both apps passed in $((SECONDS - t0)) s"
