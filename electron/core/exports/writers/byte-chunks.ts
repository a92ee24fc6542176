import os from 'node:os';

/** Takes a full chunk; calls `recycle` with it once its bytes have been used, so the buffer serves again. */
export type ChunkSink = (chunk: Buffer, recycle: (chunk: Buffer) => void) => void;

/**
 * Writes markup straight into fixed-size byte buffers and hands each full one to a sink. Prepared
 * bytes are copied and text is encoded to UTF-8 in the same pass that escapes it, so a row never
 * becomes a string of its own: building row strings and encoding them afterwards took 2.4x as long
 * (V8 flattens each concatenated string first, and a row holding one Chinese character went through
 * the slower two-byte encoder as a whole). Buffers come back from the sink and are used again, so an
 * export allocates a handful of them, not one per chunk.
 */
export class ByteChunks {
  private chunk: Buffer;
  private view: DataView;
  private used = 0;
  private readonly spare: Buffer[] = [];
  private turnAt: number;
  private readonly recycle = (chunk: Buffer): void => {
    this.spare.push(Buffer.from(chunk.buffer, chunk.byteOffset, this.chunkBytes));
  };

  constructor(
    private readonly chunkBytes: number,
    private readonly sink: ChunkSink,
  ) {
    this.chunk = Buffer.allocUnsafeSlow(chunkBytes);
    this.view = viewOf(this.chunk);
    this.turnAt = chunkBytes / TURNS_PER_CHUNK;
  }

  /** True each time another quarter of a chunk has been written: a cue for the writer to yield. */
  turnDue(): boolean {
    if (this.used < this.turnAt) return false;
    this.turnAt = this.used + this.chunkBytes / TURNS_PER_CHUNK;
    return true;
  }

  /** Makes room for `bytes` more (at most the chunk size); returns true when a full chunk went to the sink. */
  reserve(bytes: number): boolean {
    if (this.used + bytes + WORD_SLACK <= this.chunkBytes) return false;
    this.flush();
    return true;
  }

  /** Prepared markup (tags, attributes, a row number); the caller reserved room for it. */
  markup(markup: Markup): void {
    const { words, length } = markup;
    const view = this.view;
    // Four bytes a store: a copy byte by byte took 2.5x the time. The last word may write up to 3
    // bytes past the markup; the next write covers them (reserve() keeps room for them).
    for (let index = 0, at = this.used; index < words.length; index++, at += 4) view.setUint32(at, words[index]!, PLATFORM_IS_LITTLE_ENDIAN);
    this.used += length;
  }

  /** Text of ASCII characters without markup characters (a number); the caller reserved its length. */
  ascii(text: string): void {
    const chunk = this.chunk;
    let used = this.used;
    for (let index = 0; index < text.length; index++) chunk[used++] = text.charCodeAt(index);
    this.used = used;
  }

  /** A whole number's decimal digits, zero-padded to `minDigits`; the caller reserved room for them. */
  digits(value: number, minDigits = 1): void {
    let count = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) count++;
    count = Math.max(count, minDigits);
    let rest = value;
    for (let index = this.used + count - 1; index >= this.used; index--) {
      this.chunk[index] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.used += count;
  }

  /**
   * Text as XML character data in UTF-8: & < > escaped, CR as &#13; (a literal one is read back as
   * LF), a lone surrogate as U+FFFD as Buffer.write would. The caller reserved 5 bytes per UTF-16
   * unit. Returns false, having written part of it, when the text holds a character XML cannot
   * carry: the caller rewinds and writes the text without them (checking every text first with a
   * regular expression cost more than this whole loop).
   */
  xmlText(text: string): boolean {
    const chunk = this.chunk;
    let used = this.used;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x80) {
        const kind = ASCII_KIND[code];
        if (kind === AS_IS) chunk[used++] = code;
        else if (kind === ESCAPED) used = copy(ESCAPES[code]!, chunk, used);
        else return false;
      } else if (code < 0x800) {
        chunk[used++] = 0xc0 | (code >> 6);
        chunk[used++] = 0x80 | (code & 0x3f);
      } else if (code < 0xd800 || code > 0xdfff) {
        if (code >= 0xfffe) return false;
        chunk[used++] = 0xe0 | (code >> 12);
        chunk[used++] = 0x80 | ((code >> 6) & 0x3f);
        chunk[used++] = 0x80 | (code & 0x3f);
      } else {
        const next = text.charCodeAt(index + 1); // NaN past the end
        if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) {
          used = copy(REPLACEMENT_CHARACTER, chunk, used);
          continue;
        }
        const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        chunk[used++] = 0xf0 | (point >> 18);
        chunk[used++] = 0x80 | ((point >> 12) & 0x3f);
        chunk[used++] = 0x80 | ((point >> 6) & 0x3f);
        chunk[used++] = 0x80 | (point & 0x3f);
        index++;
      }
    }
    this.used = used;
    return true;
  }

  /** Where the next byte goes in the current chunk, for rewind(). */
  get position(): number {
    return this.used;
  }

  /** Drops what was written since `position` (taken after the last reserve(), so in this chunk). */
  rewind(position: number): void {
    this.used = position;
  }

  /** Markup as text, of any length (a sheet's head and end); returns true when a chunk went to the sink. */
  markupText(text: string): boolean {
    const worstCase = text.length * 3; // a UTF-16 unit makes at most 3 UTF-8 bytes (a pair makes 4)
    if (worstCase > this.chunkBytes) {
      this.flush();
      this.sink(Buffer.from(text, 'utf8'), () => undefined);
      return true;
    }
    const handedOn = this.reserve(worstCase);
    this.used += this.chunk.write(text, this.used, 'utf8');
    return handedOn;
  }

  /** Hands the bytes written so far to the sink and goes on in a spare buffer. */
  flush(): void {
    if (this.used === 0) return;
    const full = this.chunk.subarray(0, this.used);
    this.chunk = this.spare.pop() ?? Buffer.allocUnsafeSlow(this.chunkBytes);
    this.view = viewOf(this.chunk);
    this.used = 0;
    this.turnAt = this.chunkBytes / TURNS_PER_CHUNK;
    this.sink(full, this.recycle);
  }
}

const TURNS_PER_CHUNK = 4;

/** Bytes prepared as 32-bit words (in the platform's byte order), the last one padded. */
export interface Markup {
  readonly words: Uint32Array;
  readonly length: number;
}

/** Room past the reserved bytes for the padding of a markup's last word. */
const WORD_SLACK = 3;

/** Words hold bytes in the platform's order: written back in that order, they are the same bytes. */
const PLATFORM_IS_LITTLE_ENDIAN = os.endianness() === 'LE';

/** A piece of markup as UTF-8, prepared once. */
export function markup(text: string): Markup {
  const bytes = Buffer.from(text, 'utf8');
  const words = new Uint32Array(Math.ceil(bytes.length / 4));
  new Uint8Array(words.buffer).set(bytes);
  return { words, length: bytes.length };
}

/** Bytes that change (a row number's digits), written through `bytes` and copied as words. */
export class MarkupBuffer implements Markup {
  readonly words: Uint32Array;
  readonly bytes: Uint8Array;
  length = 0;

  constructor(maxBytes: number) {
    this.words = new Uint32Array(Math.ceil(maxBytes / 4));
    this.bytes = new Uint8Array(this.words.buffer);
  }
}

function viewOf(chunk: Buffer): DataView {
  return new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** How XML character data takes each ASCII code: as it is, escaped, or not at all (control characters). */
const AS_IS = 0;
const ESCAPED = 1;
const NOT_XML = 2;
const ASCII_KIND = new Uint8Array(0x80).fill(NOT_XML, 0, 0x20).fill(AS_IS, 0x20);
ASCII_KIND[0x09] = AS_IS;
ASCII_KIND[0x0a] = AS_IS;
const ESCAPES: Uint8Array[] = [];
const escape = (char: string, entity: string) => {
  ESCAPES[char.charCodeAt(0)] = utf8(entity);
  ASCII_KIND[char.charCodeAt(0)] = ESCAPED;
};
escape('&', '&amp;');
escape('<', '&lt;');
escape('>', '&gt;');
escape('\r', '&#13;'); // a literal CR would be read back as LF
const REPLACEMENT_CHARACTER = utf8('\uFFFD');

function copy(bytes: Uint8Array, chunk: Buffer, used: number): number {
  for (let index = 0; index < bytes.length; index++) chunk[used++] = bytes[index]!;
  return used;
}
