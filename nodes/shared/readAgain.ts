/**
 * An Agent Presence → Get that reads once more, after a wait, when the presence is no longer the
 * one the caller expects. The event templates' read after the write uses it: when the source has
 * moved on to a newer change, that change's own execution writes it, so this one (the older
 * change's) waits before its fallback write — reading the source again and then the target (Only If
 * Different) — and finds it written instead of writing it a second time. A newer execution that
 * never runs (its job lost) is still repaired by the fallback.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/** The longest wait: n8n's own Wait node sleeps in the execution only below 65 s. */
const MAX_WAIT_SECONDS = 60;
const DEFAULT_WAIT_SECONDS = 15;

export const readAgainOptions: INodeProperties[] = [
	{
		displayName: 'Read Again If Not',
		name: 'readAgainIfNot',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.presenceId }}',
		description:
			"A presence ID. When the agent's presence is another one (the source moved on), wait Wait Before Reading Again and read it once more, so that another execution writing the newer presence gets its turn first. Empty: read once.",
	},
	{
		displayName: 'Wait Before Reading Again (Seconds)',
		name: 'readAgainAfterSeconds',
		type: 'number',
		default: DEFAULT_WAIT_SECONDS,
		typeOptions: { minValue: 0, maxValue: MAX_WAIT_SECONDS, numberPrecision: 1 },
		description: 'How long to wait before the second read (used with Read Again If Not)',
	},
];

/** Runs `read`, and when the item's presence is not Read Again If Not, waits and runs it once more. */
export async function readAgainIfMovedOn(
	ctx: IExecuteFunctions,
	i: number,
	read: () => Promise<IDataObject>,
): Promise<IDataObject> {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const expected = String(options.readAgainIfNot ?? '').trim();
	const first = await read();
	if (expected === '' || sameId(first.presenceId, expected)) return first;
	const seconds = options.readAgainAfterSeconds ?? DEFAULT_WAIT_SECONDS;
	if (typeof seconds !== 'number' || !(seconds >= 0 && seconds <= MAX_WAIT_SECONDS)) {
		throw new NodeOperationError(ctx.getNode(), `Wait Before Reading Again must be 0 to ${MAX_WAIT_SECONDS} seconds, not ${String(seconds)}`, { itemIndex: i });
	}
	if (seconds > 0) await sleep(seconds * 1000);
	return await read();
}

/** Presence IDs compare case-insensitively (Dataverse GUIDs come in either case). */
const sameId = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
