import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseOfficeAsync } from 'officeparser';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import yauzl from 'yauzl';
import { provideDomMatrix } from './dom-matrix';

/**
 * The user-guide text worker: reads the text of one docx, pptx or pdf with officeparser (pdf.js for
 * PDFs) on its own thread, so a file that makes a parser spin or swell is stopped by terminating
 * the thread (guide-text.ts) instead of blocking the core. One file per thread; it answers once.
 */
export interface GuideTextWorkerData {
  file: string;
  type: 'docx' | 'pptx' | 'pdf';
  /** docx and pptx: the most their XML parts may unpack to. */
  maxXmlBytes: number;
}

export type GuideTextAnswer = { ok: true; text: string } | { ok: false; problem: 'damaged' | 'tooLarge'; detail: string };

// pdf.js runs its "worker" in this thread (Node has no web workers): give it the bundled module
// instead of letting it import ./pdf.worker.mjs next to a bundle that has none.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;
provideDomMatrix();
// pdf.js prints its warnings (a damaged file, no native canvas for drawing) itself; the answer says what went wrong
console.log = () => undefined;
console.warn = () => undefined;

if (parentPort) {
  const port = parentPort;
  void readText(workerData as GuideTextWorkerData).then((answer) => port.postMessage(answer satisfies GuideTextAnswer));
}

async function readText({ file, type, maxXmlBytes }: GuideTextWorkerData): Promise<GuideTextAnswer> {
  try {
    if (type !== 'pdf') {
      const unpacked = await xmlBytes(file);
      if (unpacked > maxXmlBytes) return { ok: false, problem: 'tooLarge', detail: `its text parts unpack to ${unpacked} bytes` };
      return { ok: true, text: await parseOfficeAsync(file) };
    }
    // pdf.js takes the bytes; officeparser would hand a path to it as a URL
    return { ok: true, text: await parseOfficeAsync(fs.readFileSync(file)) };
  } catch (error) {
    return { ok: false, problem: 'damaged', detail: describe(error) };
  }
}

/** What the XML parts of a docx/pptx declare they unpack to (a zip bomb is refused before it is read). */
function xmlBytes(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (/\.(xml|rels)$/i.test(entry.fileName)) total += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(Error: )?\[OfficeParser\]: /, '').replace(/^Error: /, '');
}
