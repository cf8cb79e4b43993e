/**
 * The resource locator every vendor node builds the same way: picked from the vendor's live list,
 * given by ID and, for agents, found by e-mail. Each node passes only what differs (its list
 * method, its ID format and its wording).
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyMode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A typed-in mode: its placeholder and, where the vendor's IDs have a fixed form, the regex n8n checks. */
export interface TextMode {
	placeholder: string;
	regex?: string;
	errorMessage?: string;
}

/** What differs between the vendors' locators; the parameter names are the package's vocabulary. */
export interface LocatorSpec {
	description?: string;
	searchListMethod: string;
	listPlaceholder?: string;
	id: TextMode;
	/** Only locators that can also resolve an e-mail address (agents). */
	email?: TextMode;
}

/** A typed-in mode's placeholder and check, spread into its mode. */
function textMode(mode: TextMode): Pick<INodePropertyMode, 'placeholder' | 'validation'> {
	if (mode.regex === undefined) return { placeholder: mode.placeholder };
	return {
		placeholder: mode.placeholder,
		validation: [
			{ type: 'regex', properties: { regex: mode.regex, errorMessage: mode.errorMessage ?? '' } },
		],
	};
}

function resourceLocator(
	displayName: string,
	name: string,
	spec: LocatorSpec,
	overrides: Partial<INodeProperties>,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		...(spec.description !== undefined && { description: spec.description }),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				...(spec.listPlaceholder !== undefined && { placeholder: spec.listPlaceholder }),
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', ...textMode(spec.id) },
			...(spec.email
				? [
						{
							displayName: 'By Email',
							name: 'email',
							type: 'string' as const,
							...textMode(spec.email),
						},
					]
				: []),
		],
		...overrides,
	};
}

/** The agent (`agent`): from the vendor's user list, by ID, or by e-mail. */
export function vendorAgentLocator(
	spec: LocatorSpec,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return resourceLocator('Agent', 'agent', spec, overrides);
}

/** The presence (`presence`): from the vendor's presence list or by ID. */
export function vendorPresenceLocator(
	spec: LocatorSpec,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return resourceLocator('Presence', 'presence', spec, overrides);
}

/** A locator's mode and trimmed value; plain text (an expression, an older workflow's string) is an ID. */
export function locatorParts(raw: unknown): { mode: string; value: string } {
	const rl = typeof raw === 'object' && raw !== null ? (raw as { mode?: unknown; value?: unknown }) : { mode: 'id', value: raw };
	return { mode: String(rl.mode), value: String(rl.value ?? '').trim() };
}

/** What an item without an agent fails with: the message and, where the vendor's wording has one, a hint. */
export interface NoAgentGiven {
	message: string;
	description?: string;
}

/**
 * The item's agent locator (`agent`, or the parameter named): its mode and trimmed value. With
 * `whenEmpty`, an empty value fails the item with it; without, the caller's ID check reports it.
 */
export function readAgentLocator(
	ctx: IExecuteFunctions,
	itemIndex: number,
	whenEmpty?: NoAgentGiven,
	parameter = 'agent',
): { mode: string; value: string } {
	const parts = locatorParts(ctx.getNodeParameter(parameter, itemIndex));
	if (parts.value === '' && whenEmpty) {
		const { message, description } = whenEmpty;
		throw new NodeOperationError(ctx.getNode(), message, { itemIndex, ...(description !== undefined && { description }) });
	}
	return parts;
}
