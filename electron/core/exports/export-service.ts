import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatInZone } from '../conventions';
import { CoreError, type ExportResult, type ExportSelection } from '../contract';
import { workerUrl, type SqliteDatabase } from '../db';
import type { JobContext, JobEngine } from '../jobs';
import type { Platform } from '../platform';
import type { ExportTable } from '../lists';
import { EXPORT_HEAP_LIMITS, filtersAsOf } from './export-file';
import { EXPORT_TABLES } from './export-registry';
import type { ExportWorkerData, ExportWorkerMessage, ExportWorkerRequest } from './export-worker';

export interface ExportServiceOptions {
  /** The core's connection: counts for a preview (the export itself reads on its worker's own connection). */
  db: SqliteDatabase;
  databaseFile: string;
  nativeBinding?: string;
  jobs: JobEngine;
  platform: Platform;
  /** The export folder as the settings say now. */
  folder: () => string;
  timeZone: () => string;
  now: () => number;
  /** Rows from which an XLSX export is written by two threads (default export-file.ts SPLIT_MIN_ROWS). */
  splitMinRows?: number;
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
    const result = await this.options.jobs.run(jobId, `exports.${selection.table}`, (job) =>
      this.inWorker({ selection, format, target, asOf: this.options.now() }, job),
    );
    return { ...result, fileName: name, filePath: target };
  }

  /** What `start` would write with these filters: the rows, those left out and why, and the file's name. */
  preview(selection: ExportSelection, format: ExportResult['format']) {
    const table = EXPORT_TABLES[selection.table] as ExportTable<ExportSelection['filters']>;
    const folder = this.options.folder();
    const filters = filtersAsOf(selection, this.options.now());
    return {
      rows: table.count(this.options.db, filters),
      leftOut: table.leftOut?.(this.options.db, filters) ?? [],
      fileName: this.suggestName(folder, table.title, format),
      folder,
    };
  }

  /** An exported file by name, only inside the export folder (browser-mode downloads, open, reveal). */
  exportedFile(fileName: string): string | null {
    if (fileName !== path.basename(fileName) || !/\.(xlsx|csv)$/i.test(fileName)) return null;
    const file = path.join(this.options.folder(), fileName);
    return fs.existsSync(file) ? file : null;
  }

  async showFile(fileName: string, how: 'open' | 'reveal'): Promise<boolean> {
    const file = this.exportedFile(fileName);
    if (!file)
      throw new CoreError('NOT_FOUND', `${fileName} is not in the export folder ${this.options.folder()}`, {
        reason: 'export.notFound',
        params: { file: fileName, folder: this.options.folder() },
      });
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
    request: { selection: ExportSelection; format: ExportResult['format']; target: string; asOf: number },
    job: JobContext,
  ): Promise<Omit<ExportResult, 'fileName' | 'filePath'>> {
    const { databaseFile, nativeBinding, splitMinRows } = this.options;
    const workerData: ExportWorkerData = {
      file: databaseFile,
      request,
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(splitMinRows ? { splitMinRows } : {}),
    };
    const worker = new Worker(workerUrl('export-worker'), { workerData, resourceLimits: EXPORT_HEAP_LIMITS });
    const cancel = () => worker.postMessage({ type: 'cancel' } satisfies ExportWorkerRequest);
    job.signal.addEventListener('abort', cancel);
    return new Promise<Omit<ExportResult, 'fileName' | 'filePath'>>((resolve, reject) => {
      worker.on('message', (message: ExportWorkerMessage) => {
        if (message.type === 'progress') job.progress(message.rows, message.total);
        else if (message.type === 'done') resolve(message.result);
        else reject(exportFailure(message, request.target));
      });
      const file = path.basename(request.target);
      worker.on('error', (error) =>
        reject(new CoreError('INTERNAL', `Export of ${file} failed: ${error.message}`, { reason: 'export.failed', params: { file } })),
      );
      worker.on('exit', () => reject(new CoreError('INTERNAL', `Export of ${file} stopped unexpectedly`, { reason: 'export.failed', params: { file } })));
    }).finally(() => job.signal.removeEventListener('abort', cancel));
  }
}

function checkedFileName(fileName: string, format: string): string {
  if (fileName !== path.basename(fileName) || fileName.startsWith('.'))
    throw new CoreError('VALIDATION', `File name "${fileName}" must be a plain name, without folders`, {
      reason: 'export.plainName',
      params: { file: fileName },
      issues: [{ path: 'fileName', message: 'a plain file name', reason: 'export.plainName', params: { file: fileName } }],
    });
  if (!fileName.toLowerCase().endsWith(`.${format}`))
    throw new CoreError('VALIDATION', `File name "${fileName}" must end with .${format}`, {
      reason: 'export.extension',
      params: { file: fileName, extension: `.${format}` },
      issues: [{ path: 'fileName', message: `ends with .${format}`, reason: 'export.extension', params: { file: fileName, extension: `.${format}` } }],
    });
  return fileName;
}

function exportFailure(message: FailedMessage, target: string): CoreError {
  const file = path.basename(target);
  if (message.cancelled)
    return new CoreError('CANCELLED', `Export of ${file} was cancelled; no file was left behind`, { reason: 'export.cancelled', params: { file } });
  if (message.code) return fileSystemError(Object.assign(new Error(message.message), { code: message.code, syscall: message.syscall ?? undefined }), target);
  return new CoreError('INTERNAL', `Export of ${file} failed: ${message.message}`, { reason: 'export.failed', params: { file } });
}

/** A file-system failure in words a seller can act on, naming the file or folder. */
function fileSystemError(error: NodeJS.ErrnoException, target: string): CoreError {
  const folder = path.dirname(target);
  const name = path.basename(target);
  const code = error.code ?? 'unknown';
  const say = (reason: string, message: string) =>
    new CoreError('FILE_SYSTEM', `${message} (${code})`, { reason, params: { file: name, path: target, folder, code } });
  if (error.syscall === 'rename') return say('fs.inUse', `${target} is in use or cannot be replaced: close it (for example in Excel) and export again`);
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return say('fs.diskFull', `The disk is full: ${name} could not be written to ${folder}; free some space and export again`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return say('fs.notWritable', `The export folder ${folder} is not writable; choose another folder in 设置`);
  if (code === 'ENOENT' || code === 'ENOTDIR') return say('fs.noFolder', `The export folder ${folder} does not exist; choose another folder in 设置`);
  return say('fs.other', `${name} could not be written to ${folder}: ${error.message}`);
}
