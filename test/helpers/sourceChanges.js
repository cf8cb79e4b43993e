// @ts-check
/**
 * An agent changes their own presence at the source, recorded by the simulated vendor as the vendor
 * records it (the presence and its change time), before the change's event is delivered — what a
 * trigger's item describes. The Set's stale check reads this back as the source's current presence.
 */

/** `presenceId` is the source's native ID (a Teams pair "Availability/Activity"); `at` an ISO time. */
function agentChanges(/** @type {any} */ sim, /** @type {string} */ vendor, /** @type {string} */ agentId, /** @type {string} */ presenceId, at = new Date().toISOString()) {
	if (vendor === 'dataverse') {
		const row = sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => String(r._msdyn_agentid_value).toLowerCase() === agentId.toLowerCase());
		Object.assign(row, { _msdyn_currentpresenceid_value: presenceId, msdyn_presencemodifiedon: at, msdyn_presencemodifiedby: 'AGENT', modifiedon: at });
	} else if (vendor === 'genesys') {
		const p = sim.state.genesys.presences[agentId] || (sim.state.genesys.presences[agentId] = { primarySource: 'PURECLOUD', sources: {} });
		p.sources.PURECLOUD = { presenceDefinitionId: presenceId, message: '', modifiedDate: at };
	} else if (vendor === 'vonage') {
		sim.state.vonage.presence[agentId] = { presenceId, updated: at };
	} else if (vendor === 'graph') {
		const [availability, activity] = presenceId.split('/');
		sim.graph.userSets(agentId, availability, activity);
	} else if (vendor === 'amazonConnect') {
		// The agent picks the status in the Contact Control Panel (StatusStartTimestamp: now).
		sim.amazonConnect.agentSets(agentId, presenceId);
	} else {
		throw new Error(`agentChanges: no vendor ${vendor}`);
	}
}

/** The source shows what each trigger item says: the change happened before its event arrived. */
function sourceShows(/** @type {any} */ sim, /** @type {any[]} */ items) {
	for (const item of items) {
		const vendor = item.source === 'teams' ? 'graph' : item.source;
		agentChanges(sim, vendor, item.agentId, item.presenceId, item.changedAt ?? undefined);
	}
}

module.exports = { agentChanges, sourceShows };
