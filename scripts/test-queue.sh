#!/usr/bin/env bash
# The end-to-end scenarios with n8n in queue mode (npm run test:queue): Redis and PostgreSQL
# (apt-get installed if missing, started on 127.0.0.1 under $TMPDIR, stopped at exit), a main
# process, a webhook process and two workers; same scenarios, same expected results.
#
# Environment: those of scripts/lib/e2e.sh (N8N_RUNTIME_DIR, E2E_KEEP=1, E2E_N8N_PORT,
# N8N_PACKAGE_TGZ, E2E_SUITE).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
. "$E2E_LIB_DIR/queue-services.sh"
e2e_args "$0" "$@"

e2e_with_services queue start_queue_services stop_queue_services "$E2E_REPO_ROOT/test/e2e/run.js" scenarios
