import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** A fresh folder per test under the OS temp dir, removed after the test. */
export function useTempDirs(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-test-'));
    made.push(dir);
    return dir;
  };
}

/** One folder for a whole test file (a core started in beforeAll lives in it), removed after the file. */
export function useFileTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seller-desk-test-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
