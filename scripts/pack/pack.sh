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

# The type declarations the builds bundle come from the repository's tsc
# (dist-types/). Errors are reported by the type-check step; the build needs
# only the emitted declarations.
yarn tsc >/dev/null || echo "pack: yarn tsc reported errors (see the type-check step); building from its output" >&2
# Every package but the demo app and backend (those are private).
yarn backstage-cli repo build

# `%s` is the package name (scope included), `%v` its version.
yarn workspaces foreach --all --no-private --topological pack \
  --out "$out/%s-%v.tgz"

node "$REPO_ROOT/scripts/pack/check-tarballs.cjs" "$out"
echo "$out"
