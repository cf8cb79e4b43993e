#!/usr/bin/env bash
# For .ci/run: installs early, in the background while npm ci, lint and the scanner run, what a
# later step would otherwise install when it reaches it. Each step still installs whatever is missing
# itself (the same functions are used), so this only moves the waiting, never changes what is tested.
#
#   scripts/ci-prepare.sh runtime [<n8n version>]   scripts/n8n-runtime.sh (the pin, or N8N_VERSION=<version>)
#   scripts/ci-prepare.sh packages                  Debian's RabbitMQ, Redis, PostgreSQL and Chromium,
#                                                   as the queue, queue-mode and UI suites install them
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf 'ci-prepare: %s\n' "$*" >&2; }
begun=$SECONDS

case ${1:-} in
	runtime)
		if [ -n "${2:-}" ]; then
			N8N_VERSION=$2 scripts/n8n-runtime.sh
		else
			scripts/n8n-runtime.sh
		fi
		;;
	packages)
		. scripts/lib/message-brokers.sh
		. scripts/lib/queue-services.sh
		ensure_broker_packages
		ensure_queue_packages
		# As scripts/test-ui.sh: GitHub's runners already have /usr/bin/chromium.
		if [ ! -x /usr/bin/chromium ]; then
			log "apt-get install chromium"
			apt_install chromium
		fi
		;;
	*)
		sed -n '2,8p' "$0" >&2
		exit 2
		;;
esac
log "$* done in $((SECONDS - begun))s"
