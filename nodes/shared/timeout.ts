/**
 * The "Timeout" option of the presence-writing operations: how long one presence read or write
 * may wait for the vendor. A write that times out is retried only where the method is idempotent
 * (retry.ts); otherwise the item fails with the timeout, so it is never silently dropped.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS } from './transport';

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_TIMEOUT_MS,
	description:
		'How many milliseconds to wait for the vendor to answer the presence read or write before giving up on it',
};

/** The item's Timeout option (in `options`), or undefined for the transport's default. */
export function requestTimeoutMs(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const value = options.timeout;
	if (value === undefined || value === '') return undefined;
	const ms = Number(value);
	if (!Number.isFinite(ms) || ms <= 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Timeout must be a positive number of milliseconds, got "${String(value)}"`,
			{
				itemIndex,
			},
		);
	}
	return ms;
}
