#!/usr/bin/env bash
# Builds and packs every publishable package (the workspaces that are not
# private) into tarballs, the way `npm publish` would ship them, and checks
# that each tarball holds what its package.json points at.
#
#   scripts/pack/pack.sh [out-dir]       (default: dist-packages/, git-ignored)
#
# Fails on any build or prepack error (e.g. a missing
# backstage.pluginPackages, which `backstage-cli package prepack` refuses).
# Prints the out-dir on its last line. Adopters install these tarballs before
# the packages are on npm (README: "Before the packages are on npm").
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"
out="$(mkdir -p "${1:-$REPO_ROOT/dist-packages}" && cd "${1:-$REPO_ROOT/dist-packages}" && pwd)"
rm -f "$out"/*.tgz

# The metadata `backstage-cli repo fix --publish` keeps (pluginPackages,
# repository, exports): a package added or changed without it fails here.
yarn backstage-cli repo fix --publish --check

# The type declarations the builds bundle come from the repository's tsc
# (dist-types/). Errors are reported by the type-check step; the build needs
# only the emitted declarations.
yarn tsc >/dev/null || echo "pack: yarn tsc reported errors (see the type-check step); building from its output" >&2
# Every package but the demo app and backend (those are private).
yarn backstage-cli repo build

# prepack rewrites package.json for publishing and keeps the original as
# package.json-prepack until postpack; when a pack fails in between, put the
# originals back so the working tree is left as it was.
restore_package_jsons() {
  local backup
  for backup in "$REPO_ROOT"/plugins/*/package.json-prepack "$REPO_ROOT"/packages/*/package.json-prepack; do
    [ -f "$backup" ] && mv -f "$backup" "${backup%-prepack}"
  done
  return 0
}
trap restore_package_jsons EXIT

# `%s` is the package name (scope included), `%v` its version.
yarn workspaces foreach --all --no-private --topological pack \
  --out "$out/%s-%v.tgz"

node "$REPO_ROOT/scripts/pack/check-tarballs.cjs" "$out"
echo "$out"
