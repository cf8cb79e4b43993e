/**
 * Automatic Dataverse registration, replacing the Plug-in Registration Tool steps through the Web
 * API: a Webhook `serviceendpoints` row (contract 8) for n8n's production URL with the trigger's key
 * as its authentication, and one `sdkmessageprocessingsteps` row per message (msdyn_agentstatus
 * Create / Update; post-operation, asynchronous unless the user chose synchronous, server) bound to
 * it. The created IDs live in the workflow's static data so deactivation removes exactly those rows
 * and nothing else.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { dataverseRequest } from '../transport';
import { AGENT_STATUS_ENTITY } from '../events/dataverseWebhook';
import { effectiveSharedKey } from '../../shared/sharedKey';
import { passOn } from '../../shared/errors';

/** serviceendpoint.contract / .authtype / .messageformat option values (Microsoft's entity reference). */
const CONTRACT_WEBHOOK = 8;
const AUTH_WEBHOOK_KEY = 4;
const AUTH_HTTP_HEADER = 5;
const AUTH_HTTP_QUERY_STRING = 6;
const MESSAGE_FORMAT_JSON = 2;
/** sdkmessageprocessingstep.stage / .mode / .supporteddeployment. */
const STAGE_POST_OPERATION = 40;
const MODE_SYNCHRONOUS = 0;
const MODE_ASYNCHRONOUS = 1;
const DEPLOYMENT_SERVER = 0;

/** The columns an Update step filters on, per event the user wants. */
const UPDATE_ATTRIBUTES: Record<string, string> = {
	presence_changed: 'msdyn_currentpresenceid',
	logged_in: 'msdyn_isagentloggedin',
	logged_out: 'msdyn_isagentloggedin',
	capacity_changed: 'msdyn_availableunitscapacity',
};

export interface Registration {
	serviceEndpointId: string;
	stepIds: string[];
	webhookUrl: string;
	/** sdkmessageprocessingstep.mode the steps were registered with (absent: registered synchronous). */
	mode?: number;
}

/** The step mode the node asks for: asynchronous unless the user chose synchronous. */
function wantedMode(ctx: IHookFunctions): number {
	return ctx.getNodeParameter('executionMode', 'asynchronous') === 'synchronous' ? MODE_SYNCHRONOUS : MODE_ASYNCHRONOUS;
}

const STATIC_KEY = 'dataverseRegistration';

export function isAutomatic(ctx: IHookFunctions): boolean {
	return ctx.getNodeParameter('registration', 'manual') === 'automatic';
}

export function storedRegistration(ctx: IHookFunctions): Registration | undefined {
	return ctx.getWorkflowStaticData('node')[STATIC_KEY] as Registration | undefined;
}

function setStoredRegistration(ctx: IHookFunctions, registration: Registration | undefined): void {
	const data = ctx.getWorkflowStaticData('node');
	if (registration) data[STATIC_KEY] = registration as unknown as IDataObject;
	else delete data[STATIC_KEY];
}

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

const xmlAttr = (value: string) =>
	value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The serviceendpoint authentication matching the trigger's sender verification. */
function endpointAuth(ctx: IHookFunctions): { authtype: number; authvalue: string } {
	const verification = ctx.getNodeParameter('verification') as string;
	const key = verification === 'none' ? '' : effectiveSharedKey(ctx);
	if (verification === 'none' || key === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			'Automatic registration needs a shared key: Dataverse webhooks always authenticate (WebhookKey, HttpHeader or HttpQueryString)',
			{ description: 'Set Sender Verification to "Shared Key in Query String" or "Header Name and Value" and enter a key.' },
		);
	}
	if (verification === 'header') {
		const name = ctx.getNodeParameter('headerName', '') as string;
		return { authtype: AUTH_HTTP_HEADER, authvalue: `<settings><setting name="${xmlAttr(name)}" value="${xmlAttr(key)}" /></settings>` };
	}
	const parameter = ctx.getNodeParameter('queryParameter', 'code') as string;
	if (parameter === 'code') return { authtype: AUTH_WEBHOOK_KEY, authvalue: key };
	return {
		authtype: AUTH_HTTP_QUERY_STRING,
		authvalue: `<settings><setting name="${xmlAttr(parameter)}" value="${xmlAttr(key)}" /></settings>`,
	};
}

/**
 * "Registered WebHooks support only port 80 for HTTP and port 443 for HTTPS" (Microsoft, Register a
 * WebHook). Checked for every URL, with no exception for test hosts: tests present a URL on 443 and
 * route it to their local n8n in the simulator's network table, the way a reverse proxy would.
 */
function assertDataverseCanCall(ctx: IHookFunctions, webhookUrl: string): void {
	let url: URL | undefined;
	try {
		url = new URL(webhookUrl);
	} catch {
		url = undefined;
	}
	const port = url ? url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '') : '';
	const reachable = url !== undefined && ((url.protocol === 'https:' && port === '443') || (url.protocol === 'http:' && port === '80'));
	if (reachable) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`Dataverse cannot call this webhook URL (${webhookUrl}): Dataverse only calls webhooks on port 443 (HTTPS) or 80 (HTTP)`,
		{
			description:
				"Set n8n's WEBHOOK_URL environment variable to n8n's public HTTPS URL (e.g. https://n8n.example.com/, behind a reverse proxy on port 443), restart n8n and activate the workflow again.",
		},
	);
}

/** Which messages need a step, and the Update step's filtering attributes. */
function plannedSteps(events: string[]): Array<{ message: 'Create' | 'Update'; filteringAttributes?: string }> {
	const steps: Array<{ message: 'Create' | 'Update'; filteringAttributes?: string }> = [];
	if (events.includes('agent_created')) steps.push({ message: 'Create' });
	const columns = [...new Set(events.map((e) => UPDATE_ATTRIBUTES[e]).filter(Boolean))].sort();
	if (columns.length) steps.push({ message: 'Update', filteringAttributes: columns.join(',') });
	return steps;
}

/** sdkmessage and sdkmessagefilter IDs for msdyn_agentstatus, by message name. */
async function messageFilters(ctx: IHookFunctions): Promise<Record<string, { messageId: string; filterId: string }>> {
	const messages = await dataverseRequest<{ value: IDataObject[] }>(ctx, {
		method: 'GET',
		path: '/sdkmessages',
		qs: { $filter: "name eq 'Create' or name eq 'Update'", $select: 'sdkmessageid,name' },
	});
	const filters = await dataverseRequest<{ value: IDataObject[] }>(ctx, {
		method: 'GET',
		path: '/sdkmessagefilters',
		qs: { $filter: `primaryobjecttypecode eq '${AGENT_STATUS_ENTITY}'`, $select: 'sdkmessagefilterid,_sdkmessageid_value' },
	});
	const out: Record<string, { messageId: string; filterId: string }> = {};
	for (const message of messages.value) {
		const messageId = String(message.sdkmessageid).toLowerCase();
		const filter = filters.value.find((f) => String(f._sdkmessageid_value).toLowerCase() === messageId);
		if (filter) out[String(message.name)] = { messageId, filterId: String(filter.sdkmessagefilterid) };
	}
	return out;
}

async function deleteRow(ctx: IHookFunctions, set: string, id: string): Promise<void> {
	try {
		await dataverseRequest(ctx, { method: 'DELETE', path: `/${set}(${id})` });
	} catch (error) {
		// Anything but a 404 is already the transport's NodeApiError (vendor, status, message).
		if (!isNotFound(error)) passOn(error);
		ctx.logger.debug(`Agent Presence Trigger: ${set}(${id}) was already gone`);
	}
}

/** Removes the rows a registration created (steps first: they reference the endpoint). */
export async function removeRegistration(ctx: IHookFunctions, registration: Registration): Promise<void> {
	for (const stepId of registration.stepIds) await deleteRow(ctx, 'sdkmessageprocessingsteps', stepId);
	await deleteRow(ctx, 'serviceendpoints', registration.serviceEndpointId);
	setStoredRegistration(ctx, undefined);
}

async function rowExists(ctx: IHookFunctions, set: string, id: string, select: string): Promise<IDataObject | undefined> {
	try {
		return await dataverseRequest<IDataObject>(ctx, { method: 'GET', path: `/${set}(${id})`, qs: { $select: select } });
	} catch (error) {
		// Anything but a 404 is already the transport's NodeApiError (vendor, status, message).
		if (!isNotFound(error)) passOn(error);
		ctx.logger.debug(`Agent Presence Trigger: ${set}(${id}) no longer exists`);
		return undefined;
	}
}

/** True when every row we created is still there and still points at this webhook URL. */
export async function registrationIsCurrent(ctx: IHookFunctions, webhookUrl: string): Promise<boolean> {
	const stored = storedRegistration(ctx);
	// A changed Execution Mode (or a registration from before it existed, always synchronous) is re-made.
	if (!stored || stored.webhookUrl !== webhookUrl || (stored.mode ?? MODE_SYNCHRONOUS) !== wantedMode(ctx)) return false;
	const endpoint = await rowExists(ctx, 'serviceendpoints', stored.serviceEndpointId, 'serviceendpointid,url');
	if (!endpoint || endpoint.url !== webhookUrl) return false;
	for (const stepId of stored.stepIds) {
		if (!(await rowExists(ctx, 'sdkmessageprocessingsteps', stepId, 'sdkmessageprocessingstepid'))) return false;
	}
	return true;
}

export async function createRegistration(ctx: IHookFunctions, webhookUrl: string): Promise<Registration> {
	const stale = storedRegistration(ctx);
	if (stale) await removeRegistration(ctx, stale);

	assertDataverseCanCall(ctx, webhookUrl);
	const auth = endpointAuth(ctx);
	// Asynchronous by default: a synchronous step that gets no 2xx (n8n down, slow, a rotated key)
	// fails the agent's own presence change in Dynamics ("Use webhooks to create external handlers").
	const mode = wantedMode(ctx);
	const asynchronous = mode === MODE_ASYNCHRONOUS;
	const steps = plannedSteps(ctx.getNodeParameter('events', []) as string[]);
	if (steps.length === 0) throw new NodeOperationError(ctx.getNode(), 'Select at least one event to register for');
	const filters = await messageFilters(ctx);
	for (const step of steps) {
		if (!filters[step.message]) {
			throw new NodeOperationError(ctx.getNode(), `Dataverse has no ${step.message} message filter for ${AGENT_STATUS_ENTITY}`, {
				description: 'Is Dynamics 365 Contact Center (Omnichannel) installed in this environment?',
			});
		}
	}

	const name = `n8n Agent Presence Trigger: ${webhookUrl}`.slice(0, 256);
	const endpoint = await dataverseRequest<IDataObject>(ctx, {
		method: 'POST',
		path: '/serviceendpoints',
		headers: { Prefer: 'return=representation' },
		body: {
			name,
			description: 'Registered by the n8n Agent Presence Trigger; removed when the workflow is deactivated.',
			contract: CONTRACT_WEBHOOK,
			url: webhookUrl,
			messageformat: MESSAGE_FORMAT_JSON,
			...auth,
		},
	});
	const registration: Registration = {
		serviceEndpointId: String(endpoint.serviceendpointid),
		stepIds: [],
		webhookUrl,
		mode,
	};
	// Store as we go, so a failure half-way still leaves the created rows known for clean-up.
	setStoredRegistration(ctx, registration);
	try {
		for (const step of steps) {
			const { messageId, filterId } = filters[step.message];
			const created = await dataverseRequest<IDataObject>(ctx, {
				method: 'POST',
				path: '/sdkmessageprocessingsteps',
				headers: { Prefer: 'return=representation' },
				body: {
					name: `${name} (${AGENT_STATUS_ENTITY} ${step.message})`.slice(0, 256),
					description: 'Agent presence webhook step registered by n8n',
					stage: STAGE_POST_OPERATION,
					mode,
					rank: 1,
					supporteddeployment: DEPLOYMENT_SERVER,
					// Delete the async system job once it succeeded (asynchronous steps only).
					asyncautodelete: asynchronous,
					...(step.filteringAttributes ? { filteringattributes: step.filteringAttributes } : {}),
					'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${registration.serviceEndpointId})`,
					'sdkmessageid@odata.bind': `/sdkmessages(${messageId})`,
					'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filterId})`,
				},
			});
			registration.stepIds.push(String(created.sdkmessageprocessingstepid));
			setStoredRegistration(ctx, registration);
		}
	} catch (error) {
		// Leave nothing half-registered behind.
		await removeRegistration(ctx, registration);
		// Already the transport's NodeApiError (vendor, status, message).
		passOn(error);
	}
	return registration;
}
