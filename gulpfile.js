// Post-compile asset step, run by `npm run build` after `n8n-node build` (tsc + icon copy):
// ships the importable workflow templates inside the package and checks that every node and
// credential listed in package.json was built and that each icon it names exists in dist/.
const { src, dest, series } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

function copyTemplates() {
	return src('templates/**/*.json', { allowEmpty: true }).pipe(dest('dist/templates'));
}

function iconPaths(icon) {
	if (!icon) return [];
	if (typeof icon === 'string') return [icon];
	return [icon.light, icon.dark].filter(Boolean);
}

async function verifyBuild() {
	const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
	const problems = [];
	const entries = [...(pkg.n8n.credentials ?? []), ...(pkg.n8n.nodes ?? [])];
	for (const entry of entries) {
		const file = path.resolve(entry);
		if (!fs.existsSync(file)) {
			problems.push(`${entry}: not built`);
			continue;
		}
		const mod = require(file);
		for (const Exported of Object.values(mod)) {
			if (typeof Exported !== 'function') continue;
			const instance = new Exported();
			const description = instance.description ?? instance;
			for (const icon of iconPaths(description.icon)) {
				if (!icon.startsWith('file:')) continue;
				const iconFile = path.resolve(path.dirname(file), icon.slice('file:'.length));
				if (!fs.existsSync(iconFile)) problems.push(`${entry}: icon ${icon} missing in dist`);
			}
		}
	}
	if (problems.length) throw new Error(`build:assets found problems:\n  ${problems.join('\n  ')}`);
	console.log(`build:assets: ${entries.length} nodes/credentials built, icons present`);
}

exports['build:assets'] = series(copyTemplates, verifyBuild);
