import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { GuideReadable } from '../conventions';
import { CoreError } from '../contract';
import { workerUrl } from '../db';
import type { GuideTextAnswer, GuideTextWorkerData } from './guide-text-worker';

export interface GuideTextLimits {
  /** How long reading one file may take before it is given up (default 20 s). */
  timeoutMs?: number;
  /** The most a docx/pptx's XML parts may unpack to (default 100 MB). */
  maxXmlBytes?: number;
  /** The reading thread's heap (default 1 GB): a file that needs more fails instead of the app. */
  maxHeapMb?: number;
}

export const GUIDE_TEXT_TIMEOUT_MS = 20_000;
const MAX_XML_BYTES = 100 * 1024 * 1024;
const MAX_HEAP_MB = 1024;

/**
 * The text of a user guide (docx, pptx, pdf), read on its own thread from a temporary copy. Every
 * call ends: a damaged file fails with `listing.guideUnreadable`, one that takes longer than the
 * timeout with `listing.guideTimeout` (the thread is terminated), the copy is always removed.
 */
export async function readGuideText(fileName: string, bytes: Buffer, type: GuideReadable, limits: GuideTextLimits = {}): Promise<string> {
  const timeoutMs = limits.timeoutMs ?? GUIDE_TEXT_TIMEOUT_MS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-guide-'));
  try {
    const file = path.join(dir, `guide.${type}`);
    fs.writeFileSync(file, bytes);
    const answer = await inWorker({ file, type, maxXmlBytes: limits.maxXmlBytes ?? MAX_XML_BYTES }, timeoutMs, limits.maxHeapMb ?? MAX_HEAP_MB);
    if (answer === 'timeout') {
      throw new CoreError('VALIDATION', `${fileName}: its text could not be read within ${timeoutMs / 1000} s; the file may be damaged`, {
        reason: 'listing.guideTimeout',
        params: { fileName, seconds: timeoutMs / 1000 },
      });
    }
    if (!answer.ok) {
      const reason = answer.problem === 'tooLarge' ? 'listing.guideUnpacksTooLarge' : 'listing.guideUnreadable';
      throw new CoreError('VALIDATION', `${fileName} could not be read as ${type}: ${answer.detail}`, {
        reason,
        params: { fileName, type, detail: answer.detail },
      });
    }
    return answer.text;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function inWorker(data: GuideTextWorkerData, timeoutMs: number, maxHeapMb: number): Promise<GuideTextAnswer | 'timeout'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl('guide-text-worker'), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
    let settled = false;
    const settle = (answer: GuideTextAnswer | 'timeout' | CoreError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (answer instanceof CoreError) reject(answer);
      else resolve(answer);
    };
    const timer = setTimeout(() => settle('timeout'), timeoutMs);
    worker.once('message', (answer: GuideTextAnswer) => settle(answer));
    worker.once('error', (error) => settle(workerFailure(error)));
    worker.once('exit', (code) => settle({ ok: false, problem: 'damaged', detail: `the reading thread stopped (exit code ${code})` }));
  });
}

/** The thread failed: out of memory is the file's doing; a reader that cannot start is the app's. */
function workerFailure(error: Error): GuideTextAnswer | CoreError {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return { ok: false, problem: 'damaged', detail: 'reading it needs more memory than the app allows' };
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_WORKER_PATH')
    return new CoreError('INTERNAL', `The user-guide reader could not start (${error.message}); build the app (npm run build)`, { reason: 'internal' });
  return { ok: false, problem: 'damaged', detail: error.message };
}
