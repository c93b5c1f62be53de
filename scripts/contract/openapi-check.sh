#!/usr/bin/env bash
# Fails when the code generated from the backend's OpenAPI spec
# (plugins/interchange-backend/src/schema/openapi.yaml) is stale: it
# regenerates the server router and types and the -common client (Java and
# the openapi-generator jar, fetched from Maven Central on first use), then
# `git diff`s the generated folders, and runs repo-tools' own check that the
# yaml and the router's embedded spec agree.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"
log() { printf '[interchange] %s\n' "$*" >&2; }

generated=(
  plugins/interchange-backend/src/schema/openapi
  plugins/interchange-common/src/schema/openapi
)

(cd plugins/interchange-backend && yarn generate)

# New files count as stale too: diff does not see untracked ones.
untracked="$(git ls-files --others --exclude-standard -- "${generated[@]}")"
if ! git diff --exit-code --stat -- "${generated[@]}" || [ -n "$untracked" ]; then
  [ -z "$untracked" ] || printf 'untracked: %s\n' $untracked >&2
  log "generated OpenAPI code is stale: run 'yarn --cwd plugins/interchange-backend generate' and commit the result"
  exit 1
fi

# repo-tools imports each router.ts; the CLI's TypeScript transform lets it.
transform="$(node -p 'require.resolve("@backstage/cli-node/config/nodeTransform.cjs")')"
NODE_OPTIONS="--require $transform" yarn backstage-repo-tools repo schema openapi validate
