#!/usr/bin/env bash
# Faults in queue mode (npm run test:chaos): the test:queue stack (Redis, PostgreSQL, n8n main,
# webhook process, two workers) running templates/dynamics-to-genesys.json against the simulator;
# bursts of Dataverse webhooks (CHAOS_AGENTS agents × 2 changes, an agent's changes 2 s apart) at
# the rate a short probe finds the machine sustains and at twice it, with faults injected by PID
# mid-burst; then one run of templates/reconcile-dynamics-genesys.json. Prints the table of
# test/chaos/run.js and exits 1 when a run has a stale or duplicate write, a newer change skipped
# or an agent out of step after reconciliation (or, with no fault, before it).
#
# Environment: CHAOS_AGENTS (default 8), CHAOS_RUNS (default
# none@1,none@2,worker@1,worker@2,webhook@1,webhook@2,redis@1,redis@2: fault@rate multiple;
# faults none, worker, webhook, redis), and those of scripts/lib/e2e.sh (N8N_RUNTIME_DIR, E2E_KEEP=1, N8N_PACKAGE_TGZ).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
. "$E2E_LIB_DIR/queue-services.sh"
e2e_args "$0" "$@"

e2e_with_services chaos start_queue_services stop_queue_services "$E2E_REPO_ROOT/test/chaos/run.js" chaos
