#!/usr/bin/env bash
# End-to-end benchmark in a real n8n (npm run bench:e2e): the end-to-end setup, then bench/e2e.js,
# which runs one n8n per expression engine (vm = n8n's default, then legacy): latency, vendor
# requests and n8n CPU time per change of the Dynamics → Genesys template versus a hand-built
# workflow, webhook throughput against n8n's Webhook node (vm), RSS over 10,000 webhooks (legacy);
# prints one table with each goal.
#
# Environment: BENCH_CHANGES, BENCH_WARMUP, BENCH_WEBHOOKS (e.g. 2000 for a quick run),
# BENCH_THROUGHPUT_WEBHOOKS, BENCH_CONCURRENCY, BENCH_EXECUTE_EVERY (see bench/e2e.js), and those of
# scripts/lib/e2e.sh (N8N_RUNTIME_DIR, E2E_KEEP=1, E2E_N8N_PORT, N8N_PACKAGE_TGZ).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
e2e_args "$0" "$@"

e2e_install bench
e2e_export_env
# bench/e2e.js sets the expression engine of each n8n it starts itself.
unset N8N_EXPRESSION_ENGINE
e2e_run "$E2E_REPO_ROOT/bench/e2e.js" scenarios
