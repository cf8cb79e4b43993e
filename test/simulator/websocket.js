// @ts-check
'use strict';
/**
 * The server side of RFC 6455 by hand (node:http 'upgrade' + framing), just enough for the
 * Genesys notification channel: text frames both ways, close handshake, ping → pong,
 * fragmented client messages. No npm package, so the simulator stays dependency-free.
 */
const crypto = require('node:crypto');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa };

/**
 * Completes the opening handshake on an 'upgrade' request; null (after answering 400) when
 * the request is not a WebSocket upgrade.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:stream').Duplex} socket
 * @param {{ onText: (text: string) => void, onClose: (code: number | undefined) => void }} handlers
 */
function acceptWebSocket(req, socket, handlers) {
	const key = req.headers['sec-websocket-key'];
	if (String(req.headers.upgrade || '').toLowerCase() !== 'websocket' || typeof key !== 'string') {
		rejectUpgrade(socket, 400, 'Bad Request');
		return null;
	}
	const accept = crypto.createHash('sha1').update(key + GUID).digest('base64');
	socket.write(
		'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
			`Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
	);
	return new ServerSocket(/** @type {import('node:net').Socket} */ (socket), handlers);
}

/** Answers an upgrade request with a plain HTTP error and closes the connection. */
function rejectUpgrade(/** @type {import('node:stream').Duplex} */ socket, /** @type {number} */ status, /** @type {string} */ text, body = '') {
	socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

class ServerSocket {
	/**
	 * @param {import('node:net').Socket} socket
	 * @param {{ onText: (text: string) => void, onClose: (code: number | undefined) => void }} handlers
	 */
	constructor(socket, handlers) {
		this.socket = socket;
		this.handlers = handlers;
		this.open = true;
		/** @type {Buffer} */
		this.buffer = Buffer.alloc(0);
		/** @type {Buffer[]} */
		this.fragments = [];
		this.closeSent = false;
		socket.setNoDelay(true);
		socket.on('data', (chunk) => this.receive(chunk));
		socket.on('close', () => this.finish(undefined));
		socket.on('error', () => this.finish(undefined));
	}

	/** @param {string} text */
	sendText(text) {
		if (this.open && !this.closeSent) this.socket.write(frame(OP.text, Buffer.from(text, 'utf8')));
	}

	/** Starts the close handshake; the TCP connection ends once the client answers (or after 1 s). */
	close(code = 1000, reason = '') {
		if (!this.open || this.closeSent) return;
		this.closeSent = true;
		const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
		payload.writeUInt16BE(code, 0);
		payload.write(reason, 2);
		this.socket.write(frame(OP.close, payload));
		setTimeout(() => this.socket.destroy(), 1000).unref();
	}

	/** Drops the TCP connection without a close frame (a network failure, as the client sees it). */
	destroy() {
		this.socket.destroy();
		this.finish(1006);
	}

	/** @param {number | undefined} code */
	finish(code) {
		if (!this.open) return;
		this.open = false;
		this.handlers.onClose(code);
	}

	/** @param {Buffer} chunk */
	receive(chunk) {
		this.buffer = Buffer.concat([this.buffer, chunk]);
		for (;;) {
			const parsed = parseFrame(this.buffer);
			if (!parsed) return;
			this.buffer = this.buffer.subarray(parsed.length);
			this.handleFrame(parsed.fin, parsed.opcode, parsed.payload);
		}
	}

	/** @param {boolean} fin @param {number} opcode @param {Buffer} payload */
	handleFrame(fin, opcode, payload) {
		if (opcode === OP.ping) return void this.socket.write(frame(OP.pong, payload));
		if (opcode === OP.pong) return;
		if (opcode === OP.close) {
			const code = payload.length >= 2 ? payload.readUInt16BE(0) : undefined;
			if (!this.closeSent) {
				this.closeSent = true;
				this.socket.write(frame(OP.close, payload.subarray(0, 2)));
			}
			this.socket.end();
			return this.finish(code);
		}
		this.fragments.push(payload);
		if (!fin) return;
		const message = Buffer.concat(this.fragments);
		this.fragments = [];
		this.handlers.onText(message.toString('utf8'));
	}
}

/** One unmasked server frame (servers never mask, RFC 6455 §5.1). */
function frame(/** @type {number} */ opcode, /** @type {Buffer} */ payload) {
	const len = payload.length;
	let header;
	if (len < 126) {
		header = Buffer.from([0x80 | opcode, len]);
	} else if (len < 65536) {
		header = Buffer.alloc(4);
		header[0] = 0x80 | opcode;
		header[1] = 126;
		header.writeUInt16BE(len, 2);
	} else {
		header = Buffer.alloc(10);
		header[0] = 0x80 | opcode;
		header[1] = 127;
		header.writeBigUInt64BE(BigInt(len), 2);
	}
	return Buffer.concat([header, payload]);
}

/** Parses one (masked) client frame from the start of `buf`, or null while incomplete. */
function parseFrame(/** @type {Buffer} */ buf) {
	if (buf.length < 2) return null;
	const fin = (buf[0] & 0x80) !== 0;
	const opcode = buf[0] & 0x0f;
	const masked = (buf[1] & 0x80) !== 0;
	let len = buf[1] & 0x7f;
	let offset = 2;
	if (len === 126) {
		if (buf.length < 4) return null;
		len = buf.readUInt16BE(2);
		offset = 4;
	} else if (len === 127) {
		if (buf.length < 10) return null;
		len = Number(buf.readBigUInt64BE(2));
		offset = 10;
	}
	const maskLen = masked ? 4 : 0;
	if (buf.length < offset + maskLen + len) return null;
	const payload = Buffer.from(buf.subarray(offset + maskLen, offset + maskLen + len));
	if (masked) {
		const mask = buf.subarray(offset, offset + 4);
		for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
	}
	return { fin, opcode, payload, length: offset + maskLen + len };
}

module.exports = { acceptWebSocket, rejectUpgrade };
