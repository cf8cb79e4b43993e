#!/usr/bin/env bash
# End-to-end tests in a real n8n (npm run test:e2e): build + pack the package, install the pinned
# runtime if missing (scripts/n8n-runtime.sh), install the package into a fresh n8n user folder
# under $TMPDIR, then test/e2e/run.js: simulator, credentials, templates imported and published,
# n8n started, fixtures posted, simulator records asserted. Exit 1 on any failure.
#
# Environment: N8N_RUNTIME_DIR, E2E_KEEP=1, E2E_N8N_PORT, N8N_PACKAGE_TGZ, E2E_SUITE (scenarios;
# fuzz or all to add the fuzzer) — see scripts/lib/e2e.sh.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
e2e_args "$0" "$@"

e2e_install test
e2e_export_env
e2e_run "$E2E_REPO_ROOT/test/e2e/run.js" scenarios
