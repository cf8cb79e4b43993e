#!/usr/bin/env bash
# End-to-end benchmark in a real n8n (npm run bench:e2e): the end-to-end setup, then bench/e2e.js:
# latency of the Dynamics → Genesys template versus a hand-built workflow, RSS over 10,000
# webhooks; prints a table.
#
# Environment: N8N_EXPRESSION_ENGINE (default legacy, below), BENCH_CHANGES, BENCH_WARMUP,
# BENCH_WEBHOOKS, BENCH_CONCURRENCY, BENCH_EXECUTE_EVERY (see bench/e2e.js), and those of
# scripts/lib/e2e.sh (N8N_RUNTIME_DIR, E2E_KEEP=1, E2E_N8N_PORT, N8N_PACKAGE_TGZ).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
e2e_args "$0" "$@"

e2e_install bench
e2e_export_env
# n8n 2.41's default `vm` engine acquires an isolate for every webhook to a non-Webhook trigger
# (~8 webhooks/s here): the 10,000-webhook memory phase fits in minutes only with `legacy`.
export N8N_EXPRESSION_ENGINE=${N8N_EXPRESSION_ENGINE:-legacy}
e2e_run "$E2E_REPO_ROOT/bench/e2e.js" scenarios
