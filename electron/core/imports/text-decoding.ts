import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { CoreError } from '../contract';

/**
 * Text encodings a seller's CSV arrives in: UTF-8 (with or without BOM: Excel's "CSV UTF-8", most
 * programs), UTF-16 with a BOM, and GB18030/GBK — what Excel on Chinese Windows writes for plain
 * "CSV" (code page 936, no BOM).
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How the encoding was told, for the import result. */
export const ENCODING_NAMES: Record<TextEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030 (GBK)' };

const SAMPLE_BYTES = 64 * 1024;
const BOMS: [TextEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];
const WITHOUT_BOM: TextEncoding[] = ['utf-8', 'gb18030'];

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark at the start, skipped when decoding. */
  bomBytes: number;
}

/**
 * The file's encoding: its byte-order mark, else the first of UTF-8 and GB18030 that decodes the
 * first 64 KiB without an invalid sequence. A file neither decodes is refused, naming what was tried.
 */
export function detectEncoding(file: string): DetectedEncoding {
  const sample = readStart(file, SAMPLE_BYTES);
  for (const [encoding, bom] of BOMS) if (bom.every((byte, i) => sample[i] === byte)) return { encoding, bomBytes: bom.length };
  const decodes = WITHOUT_BOM.find((encoding) => decodesStrictly(sample, encoding));
  if (decodes) return { encoding: decodes, bomBytes: 0 };
  throw new CoreError(
    'VALIDATION',
    `${path.basename(file)}: the text could not be read in any encoding tried (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK); save it from Excel as "CSV UTF-8" and import it again`,
    { reason: 'file.encoding', params: { file: path.basename(file) } },
  );
}

/** The file as text in its detected encoding, streamed; an invalid sequence further on is an error naming the byte. */
export function decodedText(file: string, { encoding, bomBytes }: DetectedEncoding): NodeJS.ReadableStream {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = bomBytes;
  const decode = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        done(null, text);
      } catch {
        done(invalidText(file, encoding, offset));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(invalidText(file, encoding, offset));
      }
    },
  });
  const source = fs.createReadStream(file, { start: bomBytes });
  source.on('error', (error) => decode.destroy(error));
  return source.pipe(decode);
}

function invalidText(file: string, encoding: TextEncoding, near: number): CoreError {
  return new CoreError(
    'VALIDATION',
    `${path.basename(file)}: not valid ${ENCODING_NAMES[encoding]} text near byte ${near} (the file may be damaged or mix encodings)`,
    { reason: 'file.invalidText', params: { file: path.basename(file), encoding: ENCODING_NAMES[encoding], byte: near } },
  );
}

function decodesStrictly(sample: Buffer, encoding: TextEncoding): boolean {
  try {
    // `stream`: a character cut at the end of the sample is not an error
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function readStart(file: string, bytes: number): Buffer {
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, fs.readSync(handle, buffer, 0, bytes, 0));
  } finally {
    fs.closeSync(handle);
  }
}
