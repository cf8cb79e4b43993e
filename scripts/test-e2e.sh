#!/usr/bin/env bash
# End-to-end tests in a real n8n (npm run test:e2e): build + pack the package, install the pinned
# runtime if missing (scripts/n8n-runtime.sh), install the package into a fresh n8n user folder
# under $TMPDIR, then test/e2e/run.js: simulator, credentials, templates imported and published,
# n8n started, fixtures posted, simulator records asserted. Exit 1 on any failure.
#
# E2E_SUITE=queues (and all): vendor events published to RabbitMQ and Redis (pub/sub) and read by n8n's
# RabbitMQ and Redis Triggers: both brokers are installed from Debian's packages when missing
# (as root or through sudo) and started under the temp folder (scripts/lib/message-brokers.sh).
#
# Environment: N8N_RUNTIME_DIR, E2E_KEEP=1, E2E_N8N_PORT, N8N_PACKAGE_TGZ, E2E_SUITE (scenarios;
# queues for the broker sources alone; fuzz or all to add the fuzzer) — see scripts/lib/e2e.sh.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/e2e.sh"
. "$E2E_LIB_DIR/message-brokers.sh"
e2e_args "$0" "$@"

# RabbitMQ and Redis for the queue-source scenarios (test/e2e/queue-sources.js); not for the fuzzer alone.
brokers_for_suite() { case ${E2E_SUITE:-scenarios} in all | queues) start_message_brokers "$1" ;; esac; }
e2e_with_services test brokers_for_suite stop_message_brokers "$E2E_REPO_ROOT/test/e2e/run.js" scenarios
