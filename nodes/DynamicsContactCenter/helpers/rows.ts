import type { IDataObject } from 'n8n-workflow';

/** A row without the response envelope's `@odata.context` (the row's own `@odata.etag` stays). */
export function rowOf(response: IDataObject): IDataObject {
	const row = { ...response };
	delete row['@odata.context'];
	return row;
}

/** Comma-separated column names → `$select` value, or undefined when empty. */
export function selectOf(columns: string | undefined): string | undefined {
	const list = String(columns ?? '')
		.split(',')
		.map((c) => c.trim())
		.filter(Boolean);
	return list.length ? list.join(',') : undefined;
}
