#!/usr/bin/env bash
# Installs what is missing (Node 22, dependencies) and starts the demo portal:
# frontend on http://localhost:3000, backend on http://localhost:7007, with
# the demo company from examples/ on in-memory SQLite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bootstrap.sh"
bootstrap
cd "$REPO_ROOT"
exec yarn start "$@"
