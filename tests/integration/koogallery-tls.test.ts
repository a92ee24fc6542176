import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedCredentials, KooGalleryClient } from '../../electron/core/koogallery';
import { DEMO_CREDENTIALS } from '../../electron/sandbox';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('TLS', () => {
  it.skipIf(!hasOpenssl)('refuses a server whose certificate it cannot verify (needs the openssl CLI to make one)', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], {
      stdio: 'ignore',
    });
    let reached = false;
    const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (_req, res) => {
      reached = true;
      res.end('{"resultCode":"MKT.0000"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = new KooGalleryClient({ baseUrls: [`https://127.0.0.1:${port}`], credentials: fixedCredentials(DEMO_CREDENTIALS) });
      const outcome = await client.queryOrder('MOCKONETIMENEW');
      expect(outcome.class).toBe('retryable');
      expect(outcome.message).toContain('SELF_SIGNED');
      expect(reached).toBe(false);
    } finally {
      server.close();
    }
  });
});
