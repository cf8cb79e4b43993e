#!/usr/bin/env node
// @ts-check
'use strict';
/** Standalone entry: `node test/simulator/server.js [--port 4010] [--host 127.0.0.1]`. */
const { startSimulator } = require('./index');

function arg(/** @type {string} */ name, /** @type {string|undefined} */ def) {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

async function main() {
	// --genesys-channel-ttl <s>: short-lived notification channels, so a test sees the renewal.
	const channelTtl = Number(arg('genesys-channel-ttl', '0'));
	const sim = await startSimulator({
		port: Number(arg('port', process.env.SIM_PORT || '0')),
		host: arg('host', '127.0.0.1'),
		genesysNotifications: channelTtl > 0 ? { channelTtlSeconds: channelTtl } : undefined,
	});
	const u = sim.urls;
	console.log(`Vendor simulator listening on ${sim.url}`);
	console.log(`  Dataverse environment URL : ${u.dataverse}   (Web API ${u.dataverse}/api/data/v9.2)`);
	console.log(`  Azure AD token URL        : ${u.dataverseLogin()}`);
	console.log(`  Genesys API / login       : ${u.genesysApi}   ${u.genesysLogin}`);
	console.log(`  Vonage base               : ${u.vonage}`);
	console.log(`  Amazon Connect (SigV4)    : ${u.amazonConnect}   (instance ${sim.clients.amazonConnect.instanceId}, us-east-1)`);
	console.log(`  Control API               : ${sim.url}/__sim/ (requests, reset, faults, expire-tokens, state, webhook-deliveries, info)`);
	console.log(`  Clients                   : ${JSON.stringify(sim.clients)}`);
	const stop = () => sim.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
