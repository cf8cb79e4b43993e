#!/usr/bin/env bash
# Bad input in a real n8n (npm run test:fuzz): the end-to-end setup, then only the fuzzer
# (test/e2e/fuzz.js): 10,000 mutated/random bodies to the Agent Presence Trigger; every one must
# get a 2xx or 4xx, n8n must stay up, and executions grow by exactly the bodies the parser accepts.
#
# Environment: E2E_FUZZ_COUNT (bodies, default 10000), E2E_FUZZ_SEED, and those of
# scripts/lib/e2e.sh (N8N_RUNTIME_DIR, E2E_KEEP=1, E2E_N8N_PORT, N8N_PACKAGE_TGZ, E2E_SUITE).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
e2e_args "$0" "$@"

e2e_install fuzz
e2e_export_env
e2e_run "$E2E_REPO_ROOT/test/e2e/run.js" fuzz
