// @ts-check
/**
 * Input items as n8n's own nodes emit them (n8n-nodes-base 2.41): the Webhook node v2
 * (`{ headers, params, query, body, webhookUrl, executionMode }`, Raw Body in binary `data`), the
 * Kafka Trigger (`{ message, topic, headers }`), the RabbitMQ Trigger (`{ content, fields,
 * properties: { headers } }`) and an SQS message (`{ MessageId, ReceiptHandle, Body }`).
 */

/**
 * @param {{ body?: any, headers?: Record<string, string>, query?: Record<string, string>, raw?: string, mimeType?: string }} request
 */
function webhookItem({ body, headers = {}, query = {}, raw, mimeType = 'application/json' }) {
	/** @type {Record<string, any>} */
	const json = {
		headers: { host: 'n8n.example.test', 'content-type': mimeType, ...headers },
		params: {},
		query,
		webhookUrl: 'https://n8n.example.test/webhook/agent-presence',
		executionMode: 'production',
	};
	if (body !== undefined) json.body = body;
	const binary = raw === undefined ? undefined : { data: { data: Buffer.from(raw, 'utf8').toString('base64'), mimeType } };
	return binary ? { json, binary } : { json };
}

/** @param {any} value @param {Record<string, string>} [headers] */
const kafkaItem = (value, headers = {}) => ({ json: { message: JSON.stringify(value), topic: 'presence', headers } });

/** @param {any} content @param {Record<string, string>} [headers] */
const rabbitItem = (content, headers = {}) => ({
	json: {
		content,
		fields: { consumerTag: 'amq.ctag-1', deliveryTag: 1, redelivered: false, exchange: '', routingKey: 'presence' },
		properties: { contentType: 'application/json', headers },
	},
});

/** @param {any} value */
const sqsItem = (value) => ({ json: { MessageId: '5fea7756-0ea4-451a-a703-a558b933e274', ReceiptHandle: 'MbZj6wDWli', Body: JSON.stringify(value) } });

module.exports = { webhookItem, kafkaItem, rabbitItem, sqsItem };
