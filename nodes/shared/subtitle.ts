/**
 * Canvas subtitles in words ("Set agent presence", "Get many presence definitions") instead of the
 * raw parameter values: the words every node shares, and each vendor's own from its registry entry
 * (including resource values older workflows saved, so they keep a readable subtitle).
 * Object literals are wrapped in parentheses: a literal `}}` would end n8n's expression early.
 */
import { SOURCE_NAMES, VENDORS } from './vendors';

const vendorWords = Object.values(VENDORS).map((v) => v.subtitle);
const vendorResources = vendorWords.flatMap((w) => Object.entries(w.resources ?? {}));

const OPERATIONS: Record<string, string> = {
	set: 'Set',
	get: 'Get',
	getAll: 'Get many',
	findByEmail: 'Find',
	create: 'Create',
	update: 'Update',
	delete: 'Delete',
	...Object.assign({}, ...vendorWords.map((w) => w.operations ?? {})),
};
/** Operations that act on many: their resource reads in the plural. */
const PLURAL = ['getAll', 'bulkSet'];
/** Operations whose subtitle is a phrase of its own rather than "<operation> <resource>". */
const WHOLE: Record<string, string> = { setStatusMessage: 'Set status message' };
const ONE: Record<string, string> = {
	agentPresence: 'agent presence',
	agent: 'agent',
	presenceDefinition: 'presence definition',
	...Object.fromEntries(vendorResources.map(([value, [one]]) => [value, one])),
};
const MANY: Record<string, string> = {
	agentPresence: 'agent presences',
	agent: 'agents',
	presenceDefinition: 'presence definitions',
	...Object.fromEntries(vendorResources.map(([value, [, many]]) => [value, many])),
};

const lookup = (map: Record<string, string>, parameter: string) => `(${JSON.stringify(map)})[$parameter["${parameter}"]]`;

export const ACTION_SUBTITLE =
	`={{ ${lookup(WHOLE, 'operation')} || ` +
	`(${lookup(OPERATIONS, 'operation')} || $parameter["operation"]) + " " + ` +
	`((${JSON.stringify(PLURAL)}.includes($parameter["operation"]) ? ${lookup(MANY, 'resource')} : ${lookup(ONE, 'resource')}) || $parameter["resource"]) }}`;

/** A trigger's `source` in words: the vendor's product name. */
export const SOURCE_SUBTITLE = `={{ ${lookup(SOURCE_NAMES, 'source')} || $parameter["source"] }}`;
