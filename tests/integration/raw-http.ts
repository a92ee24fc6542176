import crypto from 'node:crypto';
import net from 'node:net';

/** What came back on a raw connection: the first status (null if none), the whole text, and whether the server closed it. */
export interface RawAnswer {
  status: number | null;
  text: string;
  closedByServer: boolean;
}

export interface RawExchangeOptions {
  /** Give up waiting for a first byte after this long (a server waiting for the rest of a body says nothing). */
  silenceMs?: number;
  /** After the last byte that came, wait this long for more before reading the answer. */
  settleMs?: number;
}

/**
 * Sends bytes exactly as given (lies included: a wrong Content-Length, a truncated body, a bad
 * escape) on a fresh connection to 127.0.0.1:`port`, and reads what the server answers.
 */
export function rawExchange(port: number, bytes: Buffer | string, options: RawExchangeOptions = {}): Promise<RawAnswer> {
  const { silenceMs = 5_000, settleMs = 15 } = options;
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timer = setTimeout(() => finish(false), silenceMs);
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: statusOf(text), text, closedByServer });
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(() => finish(false), settleMs);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.write(bytes);
  });
}

export function statusOf(text: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return match ? Number(match[1]) : null;
}

/** An HTTP/1.1 request's bytes: request line, headers as given (no Host unless listed), body. */
export function requestBytes(method: string, target: string, headers: [string, string][], body: Buffer | string = ''): Buffer {
  const head = [`${method} ${target} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), Buffer.from(body)]);
}

/** A WebSocket upgrade request for /api/socket, for a raw connection that then sends frames of its own. */
export function upgradeBytes(host: string, headers: [string, string][]): Buffer {
  return requestBytes('GET', '/api/socket', [
    ['Host', host],
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Version', '13'],
    ['Sec-WebSocket-Key', crypto.randomBytes(16).toString('base64')],
    ...headers,
  ]);
}

export interface FrameParts {
  opcode: number;
  payload: Buffer;
  fin?: boolean;
  /** The three RSV bits, as a number 0–7. */
  rsv?: number;
  masked?: boolean;
  /** Claim this payload length instead of the payload's own. */
  declaredLength?: bigint;
}

/** One WebSocket frame's bytes (RFC 6455 §5.2), malformed on request. */
export function frameBytes({ opcode, payload, fin = true, rsv = 0, masked = true, declaredLength }: FrameParts): Buffer {
  const length = declaredLength ?? BigInt(payload.length);
  const first = Buffer.from([(fin ? 0x80 : 0) | (rsv << 4) | opcode]);
  const maskBit = masked ? 0x80 : 0;
  let lengthBytes: Buffer;
  if (length < 126n) lengthBytes = Buffer.from([maskBit | Number(length)]);
  else if (length < 65_536n) lengthBytes = Buffer.from([maskBit | 126, Number(length >> 8n), Number(length & 0xffn)]);
  else {
    lengthBytes = Buffer.alloc(9);
    lengthBytes[0] = maskBit | 127;
    lengthBytes.writeBigUInt64BE(length, 1);
  }
  if (!masked) return Buffer.concat([first, lengthBytes, payload]);
  const mask = crypto.randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([first, lengthBytes, mask, body]);
}

/** The status code of the first close frame the server sent after its 101, or null when it sent none. */
export function serverCloseCode(answer: string): number | null {
  const start = answer.indexOf('\r\n\r\n');
  if (start < 0) return null;
  let frames = Buffer.from(answer.slice(start + 4), 'latin1');
  while (frames.length >= 2) {
    const opcode = frames[0]! & 0x0f;
    const { length, offset } = payloadLength(frames);
    if (opcode === 0x8) return length >= 2 ? frames.readUInt16BE(offset) : 1005;
    frames = frames.subarray(offset + length);
  }
  return null;
}

function payloadLength(frame: Buffer): { length: number; offset: number } {
  const short = frame[1]! & 0x7f;
  if (short === 126) return { length: frame.readUInt16BE(2), offset: 4 };
  if (short === 127) return { length: Number(frame.readBigUInt64BE(2)), offset: 10 };
  return { length: short, offset: 2 };
}
