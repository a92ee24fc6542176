import { StringDecoder } from 'node:string_decoder';

/** What a reader does with the elements and the text the scanner finds. */
export interface XmlHandler {
  /** An element opened; `name` is its local name when it is one the scanner was asked to name, else ''. */
  open(name: string, tag: XmlTag): void;
  close(name: string): void;
  /** Whether the text being read now is wanted: only wanted text is given to `text`. */
  readonly wantsText: boolean;
  /** Wanted text, entities decoded; one run of text may come in several pieces. */
  text(text: string): void;
}

export interface XmlScannerOptions {
  /** The local names the handler is given (a prefix such as x: is dropped); other elements are ''. */
  names: readonly string[];
  maxDepth: number;
  /** The error for XML nested deeper than `maxDepth`. */
  tooDeep: () => Error;
}

/** A tag, comment or CDATA section longer than this is not from a spreadsheet program: the file is damaged. */
const MAX_MARKUP_CHARACTERS = 1024 * 1024;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const COLON = 0x3a;

/**
 * A streaming XML scanner for a workbook's sheet and shared strings. It does only what those parts
 * need, so it is several times faster than a general parser: it finds tags with `indexOf`, names
 * the elements a reader asked for without making a string, reads attributes only when asked, and
 * hands over only the text a reader wants (cell values, not whitespace or formulas). It still
 * refuses what is not well-formed: an unmatched or unclosed element, a broken tag or entity, a
 * DOCTYPE (a workbook has none, and entity declarations are how XML bombs work).
 *
 * Each chunk of bytes is decoded to text whole (a character split between two chunks waits for the
 * next one), which costs far less than decoding each cell's bytes apart.
 */
export class XmlScanner {
  private readonly decoder = new StringDecoder('utf8');
  /** The start of a tag (or an entity) cut off at the end of the last chunk. */
  private rest = '';
  private depth = 0;
  /** A hash of each open element's name, to check that its end tag names it. */
  private readonly openHashes: Int32Array;
  /** Each open element's local name as given to the handler, given again when it closes. */
  private readonly openNames: string[] = [];
  private readonly tag = new XmlTag();

  constructor(
    private readonly handler: XmlHandler,
    private readonly options: XmlScannerOptions,
  ) {
    this.openHashes = new Int32Array(options.maxDepth + 1);
  }

  /** Scans the next piece of the document; a tag cut off at its end waits for the next piece. */
  write(chunk: Buffer): void {
    const text = this.rest + this.decoder.write(chunk);
    const done = this.scan(text);
    this.rest = text.slice(done);
    if (this.rest.length > MAX_MARKUP_CHARACTERS) throw new Error(`a tag is longer than ${MAX_MARKUP_CHARACTERS} characters`);
  }

  /** The end of the document: anything left open or unfinished means it is damaged. */
  close(): void {
    if ((this.rest + this.decoder.end()).trim() !== '') throw new Error('the XML ends in the middle of a tag');
    if (this.depth > 0) throw new Error('the XML ends before its elements are closed');
  }

  /** Scans whole tags and text; returns where the unfinished rest starts. */
  private scan(text: string): number {
    let at = 0;
    while (at < text.length) {
      const lt = text.indexOf('<', at);
      if (lt === -1) return this.textAtEnd(text, at);
      if (lt > at && this.handler.wantsText) this.handler.text(decodeEntities(text.slice(at, lt)));
      const after = this.markup(text, lt);
      if (after === -1) return lt;
      at = after;
    }
    return at;
  }

  /** Text running to the end of the piece: wanted text is given up to an entity cut off there. */
  private textAtEnd(text: string, from: number): number {
    if (!this.handler.wantsText) return text.length;
    const amp = text.lastIndexOf('&');
    const end = amp >= from && text.indexOf(';', amp) === -1 ? amp : text.length;
    if (end > from) this.handler.text(decodeEntities(text.slice(from, end)));
    return end;
  }

  /** One tag, comment, CDATA section or processing instruction at `lt`; returns the index after it, or -1 if it is cut off. */
  private markup(text: string, lt: number): number {
    const next = text.charCodeAt(lt + 1);
    if (Number.isNaN(next)) return -1;
    if (next === SLASH) return this.endTag(text, lt);
    if (next === 0x3f /* ? */) return after(text, '?>', lt + 2);
    if (next === 0x21 /* ! */) return this.declaration(text, lt);
    return this.startTag(text, lt);
  }

  private startTag(text: string, lt: number): number {
    const nameEnd = endOfName(text, lt + 1);
    if (nameEnd === lt + 1) throw new Error('a tag has no name');
    const gt = tagEnd(text, nameEnd);
    if (gt === -1) return -1;
    if (this.depth === this.options.maxDepth) throw this.options.tooDeep();
    const name = this.localName(text, lt + 1, nameEnd);
    this.openHashes[this.depth] = nameHash(text, lt + 1, nameEnd);
    this.openNames[this.depth++] = name;
    const selfClosing = text.charCodeAt(gt - 1) === SLASH;
    this.handler.open(name, this.tag.at(text, nameEnd, selfClosing ? gt - 1 : gt));
    if (selfClosing) {
      this.depth--;
      this.handler.close(name);
    }
    return gt + 1;
  }

  private endTag(text: string, lt: number): number {
    const gt = text.indexOf('>', lt + 2);
    if (gt === -1) return -1;
    const nameEnd = endOfName(text, lt + 2);
    for (let at = nameEnd; at < gt; at++) if (!isSpace(text.charCodeAt(at))) throw new Error('an end tag is malformed');
    if (this.depth === 0 || this.openHashes[this.depth - 1] !== nameHash(text, lt + 2, nameEnd))
      throw new Error(`the end tag </${text.slice(lt + 2, nameEnd)}> closes no open element`);
    this.handler.close(this.openNames[--this.depth]!);
    return gt + 1;
  }

  /** A comment or CDATA section; a DOCTYPE (or anything else after <!) is refused. */
  private declaration(text: string, lt: number): number {
    if (text.startsWith('<!--', lt)) return after(text, '-->', lt + 4);
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (this.handler.wantsText) this.handler.text(text.slice(lt + 9, end));
      return end + 3;
    }
    if (text.length - lt < 9) return -1;
    throw new Error('the XML has a DOCTYPE or other declaration, which no workbook has');
  }

  /** The element's local name if the handler asked for it (the asked-for string, none made), else ''. */
  private localName(text: string, start: number, end: number): string {
    for (let at = start; at < end; at++) if (text.charCodeAt(at) === COLON) start = at + 1;
    const length = end - start;
    const first = text.charCodeAt(start);
    for (const name of this.options.names)
      if (name.length === length && name.charCodeAt(0) === first && (length === 1 || text.startsWith(name, start))) return name;
    return '';
  }
}

/** The attributes of the tag just opened, read one by one (valid during `open` only). */
export class XmlTag {
  private text = '';
  private next = 0;
  private end = 0;
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;

  at(text: string, start: number, end: number): this {
    this.text = text;
    this.next = start;
    this.end = end;
    return this;
  }

  /** Moves to the next attribute; false when there is none. */
  nextAttribute(): boolean {
    const text = this.text;
    let at = this.next;
    while (at < this.end && isSpace(text.charCodeAt(at))) at++;
    this.nameStart = at;
    while (at < this.end && text.charCodeAt(at) !== EQUALS && !isSpace(text.charCodeAt(at))) at++;
    this.nameEnd = at;
    while (at < this.end && (isSpace(text.charCodeAt(at)) || text.charCodeAt(at) === EQUALS)) at++;
    if (this.nameEnd === this.nameStart || at >= this.end) return false;
    const quote = text[at]!;
    const valueEnd = text.indexOf(quote, at + 1);
    if ((quote !== '"' && quote !== "'") || valueEnd === -1 || valueEnd >= this.end) throw new Error('an attribute is malformed');
    this.valueStart = at + 1;
    this.valueEnd = valueEnd;
    this.next = valueEnd + 1;
    return true;
  }

  /** Whether the current attribute has this (full) name, e.g. "r" or "r:id". */
  named(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.text.startsWith(name, this.nameStart);
  }

  /** The current attribute's value, entities decoded. */
  value(): string {
    return decodeEntities(this.text.slice(this.valueStart, this.valueEnd));
  }

  /** The current attribute's value as a whole number ≥ 0, or undefined if it holds something else. */
  integer(): number | undefined {
    if (this.valueEnd === this.valueStart) return undefined;
    let value = 0;
    for (let at = this.valueStart; at < this.valueEnd; at++) {
      const digit = this.text.charCodeAt(at) - 0x30;
      if (digit < 0 || digit > 9) return undefined;
      value = value * 10 + digit;
    }
    return value;
  }

  /** The current attribute's value read as a cell reference's column, "AB12" → 27 (0-based); -1 if it starts with no letter. */
  column(): number {
    let index = 0;
    for (let at = this.valueStart; at < this.valueEnd; at++) {
      const letter = this.text.charCodeAt(at);
      if (letter < 0x41 || letter > 0x5a) break;
      index = index * 26 + (letter - 0x40);
    }
    return index - 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Where a tag's name ends (at a space, /, >, < or the end of the text). */
function endOfName(text: string, start: number): number {
  let at = start;
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === GT || code === SLASH || code === LT || isSpace(code)) break;
  }
  return at;
}

/** The > ending a start tag, skipping quoted attribute values (which may hold >); -1 if it is cut off. */
function tagEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === GT) return at;
    if (code === QUOTE || code === APOSTROPHE) {
      at = text.indexOf(text[at]!, at + 1);
      if (at === -1) return -1;
    } else if (code === LT) throw new Error('a tag holds a <');
  }
  return -1;
}

function after(text: string, end: string, from: number): number {
  const found = text.indexOf(end, from);
  return found === -1 ? -1 : found + end.length;
}

function nameHash(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let at = start; at < end; at++) hash = (Math.imul(hash, 31) + text.charCodeAt(at)) | 0;
  return hash;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its entities (&amp; &#20013; &#x4E2D; …) decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]*);?/g, (whole, entity: string) => {
    if (!whole.endsWith(';')) throw new Error(`a & starts no entity ("${whole.slice(0, 12)}")`);
    const named = NAMED_ENTITIES[entity];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-f]+$/i.test(entity) ? parseInt(entity.slice(2), 16) : /^#\d+$/.test(entity) ? Number(entity.slice(1)) : NaN;
    if (!Number.isInteger(code) || code > 0x10ffff) throw new Error(`unknown entity &${entity};`);
    return String.fromCodePoint(code);
  });
}
