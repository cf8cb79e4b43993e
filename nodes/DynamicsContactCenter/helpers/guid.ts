import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Dataverse row IDs are GUIDs; checked before any request so a typo fails clearly, not as an OData 400. */
export const GUID_REGEX = '^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?$';

const GUID = new RegExp(GUID_REGEX);

/** The GUID in canonical form (lower case, no braces), or a NodeOperationError naming the field. */
export function requireGuid(ctx: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (!GUID.test(text)) {
		throw new NodeOperationError(ctx.getNode(), `${label} "${text}" is not a valid GUID`, {
			itemIndex,
			description: 'Dataverse IDs look like f523f628-c07a-e811-8162-000d3aa11f50',
		});
	}
	return text.replace(/[{}]/g, '').toLowerCase();
}

/** An OData string literal: single quotes doubled. */
export function odataString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}
