import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** An uploaded file (from Electron or a browser) written to a private temp folder while it is read. */
export async function withUploadedFile<T>(fileName: string, contentBase64: string, read: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-import-'));
  const file = path.join(dir, safeFileName(fileName));
  try {
    fs.writeFileSync(file, Buffer.from(contentBase64, 'base64'));
    return await read(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The seller's file name kept for messages, made safe to create: no folders, no "." or "..". */
function safeFileName(fileName: string): string {
  const name = path.basename(fileName.replace(/[\\/]/g, '_'));
  return name === '' || name === '.' || name === '..' ? 'upload' : name;
}
