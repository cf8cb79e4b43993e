/**
 * The channel's WebSocket through the runtime's built-in client (the WHATWG `WebSocket` global:
 * Node.js 22+, and Node 20 started with --experimental-websocket), so the package keeps no
 * runtime dependency.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

interface MessageEventLike {
	data: unknown;
}
interface CloseEventLike {
	code?: number;
	reason?: string;
}
interface WebSocketLike {
	readonly readyState: number;
	send(data: string): void;
	close(code?: number, reason?: string): void;
	addEventListener(type: 'open' | 'error', listener: () => void): void;
	addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
	addEventListener(type: 'close', listener: (event: CloseEventLike) => void): void;
}
type WebSocketConstructor = new (url: string) => WebSocketLike;

// The global the runtime provides (undefined on Node 20 without --experimental-websocket).
declare const WebSocket: WebSocketConstructor | undefined;

const OPEN = 1;

export function requireWebSocket(node: INode): WebSocketConstructor {
	if (typeof WebSocket === 'undefined') {
		throw new NodeOperationError(node, 'This Node.js has no built-in WebSocket client', {
			description:
				'The Genesys Cloud Trigger needs Node.js 22 or later (n8n 2.x runs on Node.js 24). On Node.js 20, start n8n with NODE_OPTIONS=--experimental-websocket.',
		});
	}
	return WebSocket;
}

export interface SocketHandlers {
	onMessage: (text: string) => void;
	onClose: (code: number | undefined, reason: string) => void;
}

/** An open connection; `closed` resolves once the socket is gone, whoever closed it. */
export interface ChannelSocket {
	send(text: string): void;
	close(): void;
	readonly closed: Promise<void>;
	isOpen(): boolean;
}

/** Opens `url`; rejects if the handshake fails (unknown channel, network). */
export async function openSocket(
	Ctor: WebSocketConstructor,
	url: string,
	handlers: SocketHandlers,
): Promise<ChannelSocket> {
	const ws = new Ctor(url);
	let resolveClosed: () => void = () => {};
	const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
	let opened = false;
	await new Promise<void>((resolve, reject) => {
		ws.addEventListener('open', () => {
			opened = true;
			resolve();
		});
		ws.addEventListener('error', () => {
			if (!opened) reject(new Error(`WebSocket connection to ${url} failed`));
		});
		ws.addEventListener('close', (event) => {
			resolveClosed();
			if (!opened)
				reject(
					new Error(`WebSocket connection to ${url} was refused (code ${event.code ?? 'none'})`),
				);
			else handlers.onClose(event.code, event.reason ?? '');
		});
		ws.addEventListener('message', (event) => {
			if (typeof event.data === 'string') handlers.onMessage(event.data);
		});
	});
	return {
		send: (text) => {
			if (ws.readyState === OPEN) ws.send(text);
		},
		close: () => ws.close(1000, 'Trigger stopped'),
		closed,
		isOpen: () => ws.readyState === OPEN,
	};
}
