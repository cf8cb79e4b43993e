// @ts-check
/** Genesys-only test helpers (the shared ones are in test/helpers/vendors.js). */
const vendors = require('../helpers/vendors');
const { guidFrom } = require('../simulator/common');

/**
 * The Genesys API calls the simulator received, compared without the status (the Genesys tests
 * assert the status through the items the node emits).
 * @param {any} sim
 */
function apiCalls(sim) {
	return vendors.apiCalls(sim, 'genesys').map(({ status, ...call }) => call);
}

/** The Genesys Cloud action node as the editor exports it. @param {Record<string, any>} parameters @param {Record<string, any>} [extra] */
const genesysNode = (parameters, extra) => vendors.nodeOf('genesys', parameters, extra);

/**
 * The item the node emits for a UserPresence the simulator answers: Genesys' fields (its `source`
 * as `sourceId`) plus the normalized presence fields.
 * @param {{ userId: string, defId: string, systemPresence: string, name: string, category: string|null,
 *   event: string, source?: string, primary?: boolean, message?: string, modifiedDate?: any, extra?: object }} o
 */
function presenceItem(o) {
	const source = o.source ?? 'PURECLOUD';
	const modifiedDate = o.modifiedDate ?? expect.any(String);
	return {
		name: o.name,
		presenceDefinition: {
			id: o.defId,
			systemPresence: o.systemPresence,
			selfUri: `/api/v2/presencedefinitions/${o.defId}`,
		},
		message: o.message ?? '',
		modifiedDate,
		primary: o.primary ?? true,
		selfUri: `/api/v2/users/${o.userId}/presences/${source}`,
		sourceId: source,
		...o.extra,
		source: 'genesys',
		event: o.event,
		agentId: o.userId,
		presenceId: o.defId,
		presenceName: o.name,
		category: o.category,
		changedAt: modifiedDate,
	};
}

const ON_QUEUE = vendors.IDS.genesys.presence['On Queue'];

/**
 * A registered presence source (as POST /api/v2/presence/sources leaves it) put straight into the
 * simulator's state; answers its ID.
 * @param {any} sim @param {string} name
 */
function registerSource(sim, name) {
	const id = guidFrom(`test-source-${name}`);
	sim.state.genesys.sources.push({ id, name, deactivated: false, selfUri: `/api/v2/presence/sources/${id}` });
	return id;
}

/**
 * A presence definition as the current API answers it (active, every division), with its category:
 * a System one, or a User one (which has a `name`).
 * @param {string} id @param {{ name?: string, label: string, systemPresence: string, category: string }} fields
 */
const definitionItem = (id, { name, label, systemPresence, category }) => ({
	id,
	...(name === undefined ? { type: 'System' } : { name, type: 'User' }),
	languageLabels: { en_US: label },
	systemPresence,
	divisionId: '*',
	deactivated: false,
	selfUri: `/api/v2/presence/definitions/${id}`,
	category,
});

/** The seeded On Queue system definition as the current API answers it (spelled OnQueue), with its category. */
const ON_QUEUE_CURRENT_ITEM = Object.freeze(definitionItem(ON_QUEUE, { label: 'On Queue', systemPresence: 'OnQueue', category: 'available' }));

module.exports = { apiCalls, genesysNode, presenceItem, registerSource, definitionItem, ON_QUEUE_CURRENT_ITEM, G: vendors.IDS.genesys };
