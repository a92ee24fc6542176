import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatInZone } from '../conventions';
import { CoreError, type ExportResult, type ExportSelection } from '../contract';
import { workerUrl } from '../db';
import type { JobContext, JobEngine } from '../jobs';
import type { Platform } from '../platform';
import { EXPORT_TABLES } from './export-registry';
import type { ExportWorkerData, ExportWorkerMessage, ExportWorkerRequest } from './export-worker';

export interface ExportServiceOptions {
  databaseFile: string;
  nativeBinding?: string;
  jobs: JobEngine;
  platform: Platform;
  /** The export folder as the settings say now. */
  folder: () => string;
  timeZone: () => string;
  now: () => number;
}

type FailedMessage = Extract<ExportWorkerMessage, { type: 'failed' }>;

/**
 * Bulk export of any table (exports/export-tables.ts) to XLSX or CSV. Each export runs on its own
 * worker thread with its own read connection, so neither the core's event loop nor a sync or a
 * usage flush waits for it; progress and cancel go through the job registry.
 */
export class ExportService {
  constructor(private readonly options: ExportServiceOptions) {}

  async start(selection: ExportSelection, format: ExportResult['format'], jobId: string, fileName?: string): Promise<ExportResult> {
    const folder = this.ensureFolder();
    const name = fileName ? checkedFileName(fileName, format) : this.suggestName(folder, EXPORT_TABLES[selection.table].title, format);
    const target = path.join(folder, name);
    const result = await this.options.jobs.run(jobId, `exports.${selection.table}`, (job) => this.inWorker({ selection, format, target }, job));
    return { ...result, fileName: name, filePath: target };
  }

  /** An exported file by name, only inside the export folder (browser-mode downloads, open, reveal). */
  exportedFile(fileName: string): string | null {
    if (fileName !== path.basename(fileName) || !/\.(xlsx|csv)$/i.test(fileName)) return null;
    const file = path.join(this.options.folder(), fileName);
    return fs.existsSync(file) ? file : null;
  }

  async showFile(fileName: string, how: 'open' | 'reveal'): Promise<boolean> {
    const file = this.exportedFile(fileName);
    if (!file) throw new CoreError('NOT_FOUND', `${fileName} is not in the export folder ${this.options.folder()}`);
    return (await this.options.platform.showFile?.(file, how)) ?? false;
  }

  private ensureFolder(): string {
    const folder = this.options.folder();
    try {
      fs.mkdirSync(folder, { recursive: true });
      return folder;
    } catch (error) {
      throw fileSystemError(error as NodeJS.ErrnoException, path.join(folder, '(export)'));
    }
  }

  /** 交易明细_20261123_1530.xlsx in the seller's time zone; " (2)" and so on when that name is taken. */
  private suggestName(folder: string, title: string, format: string): string {
    const stamp = formatInZone(this.options.now(), this.options.timeZone()).replace(/[-:]/g, '').replace(' ', '_');
    const base = `${title}_${stamp}`;
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${base}.${format}` : `${base} (${n}).${format}`;
      if (!fs.existsSync(path.join(folder, name))) return name;
    }
  }

  private inWorker(
    request: { selection: ExportSelection; format: ExportResult['format']; target: string },
    job: JobContext,
  ): Promise<Omit<ExportResult, 'fileName' | 'filePath'>> {
    const { databaseFile, nativeBinding } = this.options;
    const workerData: ExportWorkerData = { file: databaseFile, request, ...(nativeBinding ? { nativeBinding } : {}) };
    const worker = new Worker(workerUrl('export-worker'), { workerData });
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies ExportWorkerRequest);
    job.signal.addEventListener('abort', cancel);
    return new Promise<Omit<ExportResult, 'fileName' | 'filePath'>>((resolve, reject) => {
      worker.on('message', (message: ExportWorkerMessage) => {
        if (message.type === 'progress') job.progress(message.rows, message.total);
        else if (message.type === 'done') resolve(message.result);
        else reject(exportFailure(message, request.target));
      });
      worker.on('error', (error) => reject(new CoreError('INTERNAL', `Export of ${path.basename(request.target)} failed: ${error.message}`)));
      worker.on('exit', () => reject(new CoreError('INTERNAL', `Export of ${path.basename(request.target)} stopped unexpectedly`)));
    }).finally(() => job.signal.removeEventListener('abort', cancel));
  }
}

function checkedFileName(fileName: string, format: string): string {
  if (fileName !== path.basename(fileName) || fileName.startsWith('.'))
    throw new CoreError('VALIDATION', `File name "${fileName}" must be a plain name, without folders`, [{ path: 'fileName', message: 'a plain file name' }]);
  if (!fileName.toLowerCase().endsWith(`.${format}`))
    throw new CoreError('VALIDATION', `File name "${fileName}" must end with .${format}`, [{ path: 'fileName', message: `ends with .${format}` }]);
  return fileName;
}

function exportFailure(message: FailedMessage, target: string): CoreError {
  if (message.cancelled) return new CoreError('CANCELLED', `Export of ${path.basename(target)} was cancelled; no file was left behind`);
  if (message.code) return fileSystemError(Object.assign(new Error(message.message), { code: message.code, syscall: message.syscall ?? undefined }), target);
  return new CoreError('INTERNAL', `Export of ${path.basename(target)} failed: ${message.message}`);
}

/** A file-system failure in words a seller can act on, naming the file or folder. */
function fileSystemError(error: NodeJS.ErrnoException, target: string): CoreError {
  const folder = path.dirname(target);
  const name = path.basename(target);
  const code = error.code ?? 'unknown';
  const say = (message: string) => new CoreError('FILE_SYSTEM', `${message} (${code})`);
  if (error.syscall === 'rename') return say(`${target} is in use or cannot be replaced: close it (for example in Excel) and export again`);
  if (code === 'ENOSPC' || code === 'EDQUOT') return say(`The disk is full: ${name} could not be written to ${folder}; free some space and export again`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return say(`The export folder ${folder} is not writable; choose another folder in 设置`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return say(`The export folder ${folder} does not exist; choose another folder in 设置`);
  return say(`${name} could not be written to ${folder}: ${error.message}`);
}
