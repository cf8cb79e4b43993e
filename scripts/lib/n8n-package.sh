# shellcheck shell=bash
# Source this (after scripts/lib/runtime-env.sh): building, packing and installing the package into
# an n8n user folder the way n8n installs community packages, and n8n's environment for a local,
# offline run. Used by scripts/start.sh (npm start, --check) and scripts/lib/e2e.sh.

# Drops npm's npm_config_*/npm_package_*/npm_lifecycle_* variables when run through `npm run`
# (local_prefix=<repo>, ignore_scripts, nodedir, ... would steer our own npm calls astray).
drop_npm_run_env() {
	if [ -n "${npm_lifecycle_event:-}" ]; then
		while read -r v; do unset "$v"; done < <(compgen -e | grep -E '^npm_(config|package|lifecycle)_')
	fi
}

# build_and_pack <repo root> <destination dir>: npm run build, npm pack; sets PACKAGE_TGZ.
# With N8N_PACKAGE_TGZ set, uses that tarball instead.
build_and_pack() {
	local repo=$1 dest=$2
	if [ -n "${N8N_PACKAGE_TGZ:-}" ]; then
		PACKAGE_TGZ=$(cd "$(dirname "$N8N_PACKAGE_TGZ")" && pwd)/$(basename "$N8N_PACKAGE_TGZ")
		log "using the given package $PACKAGE_TGZ"
	else
		(
			cd "$repo"
			if [ ! -d node_modules ]; then
				log "npm ci (no node_modules yet)"
				npm ci
			fi
			log "npm run build"
			# n8n-node build draws a spinner: keep it out of the log unless the build fails.
			npm run build >"$dest/build.log" 2>&1 || { cat "$dest/build.log" >&2; exit 1; }
		)
		PACKAGE_TGZ=$dest/$(cd "$repo" && npm pack --silent --pack-destination "$dest" | tail -1)
		log "packed $(basename "$PACKAGE_TGZ")"
	fi
	[ -f "$PACKAGE_TGZ" ] || { log "no package tarball at $PACKAGE_TGZ"; return 1; }
}

# install_package <tgz> <n8n user folder>: like n8n's community package installer: unpack into
# <user folder>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies from its
# package.json (n8n-workflow must come from n8n itself, never a second copy), install the
# remaining dependencies inside the package, record it in the folder's package.json.
# Sets PACKAGE_NAME and PACKAGE_DIR. Needs runtime_node (runtime-env.sh).
install_package() {
	local tgz=$1 user_folder=$2
	local nodes_dir=$user_folder/.n8n/nodes
	PACKAGE_NAME=$(tar -xzOf "$tgz" package/package.json | runtime_node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).name')
	PACKAGE_DIR=$nodes_dir/node_modules/$PACKAGE_NAME
	log "installing $PACKAGE_NAME into $nodes_dir"
	rm -rf "$PACKAGE_DIR"
	mkdir -p "$PACKAGE_DIR"
	tar -xzf "$tgz" -C "$PACKAGE_DIR" --strip-components=1
	local has_deps
	has_deps=$(runtime_node - "$PACKAGE_DIR/package.json" "$nodes_dir/package.json" <<'JS'
const fs = require('node:fs');
const [pkgFile, nodesFile] = process.argv.slice(2);
const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
let nodes = { name: 'installed-nodes', private: true, dependencies: {} };
try { nodes = JSON.parse(fs.readFileSync(nodesFile, 'utf8')); } catch {}
nodes.dependencies = { ...nodes.dependencies, [pkg.name]: pkg.version };
fs.writeFileSync(nodesFile, JSON.stringify(nodes, null, 2));
console.log(Object.keys(pkg.dependencies ?? {}).length > 0 ? 'yes' : 'no');
JS
)
	if [ "$has_deps" = yes ]; then
		(cd "$PACKAGE_DIR" && npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow \
			--ignore-scripts=true --package-lock=false --omit=dev --omit=peer --loglevel=error)
	fi
	local second_copy
	second_copy=$(find "$nodes_dir/node_modules" -type d -path '*/node_modules/n8n-workflow' -print -quit)
	if [ -n "$second_copy" ]; then
		log "error: a second n8n-workflow was installed at $second_copy"
		log "n8n-workflow must be a peerDependency of the package (n8n provides it), not a dependency"
		return 1
	fi
}

# n8n's environment for a local, offline run (anything already set wins).
export_n8n_env() {
	export N8N_PORT=${N8N_PORT:-5678}
	export N8N_RUNNERS_BROKER_PORT=${N8N_RUNNERS_BROKER_PORT:-$((N8N_PORT + 1))}
	export DB_TYPE=${DB_TYPE:-sqlite}
	export N8N_SECURE_COOKIE=${N8N_SECURE_COOKIE:-false}                  # plain http://localhost
	export N8N_DIAGNOSTICS_ENABLED=${N8N_DIAGNOSTICS_ENABLED:-false}      # no telemetry
	export N8N_VERSION_NOTIFICATIONS_ENABLED=${N8N_VERSION_NOTIFICATIONS_ENABLED:-false}
	export N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=${N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED:-false}
	export N8N_TEMPLATES_ENABLED=${N8N_TEMPLATES_ENABLED:-false}          # no template gallery calls
	export N8N_DYNAMIC_BANNERS_ENABLED=${N8N_DYNAMIC_BANNERS_ENABLED:-false}
	export N8N_HIRING_BANNER_ENABLED=${N8N_HIRING_BANNER_ENABLED:-false}
	export N8N_PERSONALIZATION_ENABLED=${N8N_PERSONALIZATION_ENABLED:-false}
	export N8N_PYTHON_ENABLED=${N8N_PYTHON_ENABLED:-false}                # Code node: JavaScript only (no Python runner here)
	# mcp-registry polls api.n8n.io; n8n that has no such module (2.0) refuses to start when it is named.
	local modules=${RUNTIME_N8N_PREFIX:-}/node_modules/@n8n/backend-common/dist/modules/modules.config.js
	if [ -z "${N8N_DISABLED_MODULES+set}" ] && ! { [ -f "$modules" ] && ! grep -q "'mcp-registry'" "$modules"; }; then
		export N8N_DISABLED_MODULES=mcp-registry
	fi
	# n8n 1.x's SQLite default (no pool, rollback journal) keeps its database locked to the e2e's
	# readers ("database is locked"); 2.x's default, a pool of 3 in WAL mode, lets them in.
	case ${RUNTIME_N8N_VERSION:-} in 1.*) export DB_SQLITE_POOL_SIZE=${DB_SQLITE_POOL_SIZE:-3} ;; esac
	export N8N_REINSTALL_MISSING_PACKAGES=${N8N_REINSTALL_MISSING_PACKAGES:-false}
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=${N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS:-true}
	export N8N_DIAGNOSTICS_CONFIG_FRONTEND='' N8N_DIAGNOSTICS_CONFIG_BACKEND='' EXTERNAL_FRONTEND_HOOKS_URLS=''
	if [ -n "${N8N_CUSTOM_EXTENSIONS:-}" ]; then
		log "note: N8N_CUSTOM_EXTENSIONS is set; anything loaded from there is named CUSTOM.*"
	fi
}

# A free TCP port on 127.0.0.1.
free_port() {
	runtime_node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}
