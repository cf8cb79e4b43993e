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

export type OperationMap = Record<string, Record<string, OperationExecutor>>;

export async function routeItems(
	this: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		let failure: unknown;
		try {
			for (const json of await runOne.call(this, operations, i)) out.push({ json, pairedItem: { item: i } });
			continue;
		} catch (error) {
			failure = error;
		}
		if (!this.continueOnFail()) throw asNodeError(this, failure, i);
		out.push({
			json: { error: (failure as Error).message, ...errorDetails(failure) },
			pairedItem: { item: i },
		});
	}
	return [out];
}

async function runOne(
	this: IExecuteFunctions,
	operations: OperationMap,
	i: number,
): Promise<IDataObject[]> {
	const resource = this.getNodeParameter('resource', i) as string;
	const operation = this.getNodeParameter('operation', i) as string;
	const run = operations[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
			{ itemIndex: i },
		);
	}
	const result = await run.call(this, i);
	return result === undefined ? [] : Array.isArray(result) ? result : [result];
}

/** Keeps n8n's own errors (with the item they failed on); wraps anything else. */
function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError | NodeApiError {
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
