/**
 * The one loop over input items every action node uses: dispatch to the operation, link each
 * output item to its input (pairedItem), and with "Continue On Fail" put the error on the item and
 * go on with the rest.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** An operation runs for one item and returns zero or more JSON results. */
export type OperationExecutor = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[] | undefined>;

/**
 * Reports an item's failure from a run-once operation: throws it (the run stops) or, with
 * Continue On Fail, keeps it as that item's error output.
 */
export type ItemFailure = (error: unknown, itemIndex: number) => void;

/**
 * A run-once operation handles every input item in one call (e.g. a bulk API): it returns each
 * item's results by item index (undefined for an item it reported to `fail`).
 */
export interface RunOnceOperation {
	runOnce: (
		this: IExecuteFunctions,
		fail: ItemFailure,
	) => Promise<Array<IDataObject | IDataObject[] | undefined>>;
}

/** What runs an operation: item by item, or once for all items. */
export type OperationRunner = OperationExecutor | RunOnceOperation;

/**
 * A node's resources and, per resource, the names of its operations, as its Resource and
 * Operation fields give them (n8n's `node.type.ts`). Declared once per node in `actions/node.type.ts`.
 */
export type NodeMap = Record<string, string>;

/** One resource's operations, keyed by exactly the names the node's map gives it. */
export type ResourceOperations<M extends NodeMap, R extends keyof M> = Record<M[R], OperationRunner>;

/** A node's operations: a resource or operation the map does not name, or one it lacks, fails to compile. */
export type OperationMap<M extends NodeMap = NodeMap> = { [R in keyof M]: ResourceOperations<M, R> };

export async function routeItems<M extends NodeMap>(
	this: IExecuteFunctions,
	typed: OperationMap<M>,
): Promise<INodeExecutionData[][]> {
	// Items name resources and operations as strings: looked up by name, unknown ones fail the item.
	const operations: OperationMap = typed;
	const items = this.getInputData();
	const once = items.length > 0 ? runOnceOperation(this, operations) : undefined;
	if (once) return await routeOnce.call(this, once);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const run = lookup(this, operations, i) as OperationExecutor;
			for (const json of asList(await run.call(this, i))) out.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, i);
			out.push(errorItem(error, i));
		}
	}
	return [out];
}

/** A run-once operation: its results and its failures, each paired with its input item. */
async function routeOnce(this: IExecuteFunctions, operation: RunOnceOperation): Promise<INodeExecutionData[][]> {
	const failures = new Map<number, INodeExecutionData>();
	const fail: ItemFailure = (error, itemIndex) => {
		if (!this.continueOnFail()) throw asNodeError(this, error, itemIndex);
		failures.set(itemIndex, errorItem(error, itemIndex));
	};
	const results = await operation.runOnce.call(this, fail);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < this.getInputData().length; i++) {
		const failure = failures.get(i);
		if (failure) out.push(failure);
		else for (const json of asList(results[i])) out.push({ json, pairedItem: { item: i } });
	}
	return [out];
}

/** With Continue On Fail, a failed item's output: the error's message, description and status. */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	return { json: { error: (error as Error).message, ...errorDetails(error) }, pairedItem: { item: itemIndex } };
}

const asList = (result: IDataObject | IDataObject[] | undefined): IDataObject[] =>
	result === undefined ? [] : Array.isArray(result) ? result : [result];

/** The operation, when the map marks it run-once (resource and operation are the same for every item). */
function runOnceOperation(ctx: IExecuteFunctions, operations: OperationMap): RunOnceOperation | undefined {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const entry = operations[resource]?.[operation];
	return entry !== undefined && typeof entry !== 'function' ? entry : undefined;
}

/** The operation an item's resource and operation name. */
function lookup(
	ctx: IExecuteFunctions,
	operations: OperationMap,
	i: number,
): OperationExecutor | RunOnceOperation {
	const resource = ctx.getNodeParameter('resource', i) as string;
	const operation = ctx.getNodeParameter('operation', i) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
			{ itemIndex: i },
		);
	}
	return run;
}

/** Keeps n8n's own errors (with the item they failed on); wraps anything else. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError | NodeApiError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...error.context, itemIndex };
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function errorDetails(error: unknown): IDataObject {
	const e = error as { description?: string; httpCode?: string };
	const details: IDataObject = {};
	if (e.description) details.errorDescription = e.description;
	if (e.httpCode) details.httpCode = e.httpCode;
	return details;
}
