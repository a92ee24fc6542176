import fs from 'node:fs';

/**
 * What `npm run web` gives node after its build check — the core's V8 flags, then the host's bundle —
 * read from package.json's web script, so tests and benchmarks start browser mode exactly as a user
 * does. (Playwright's loader cannot import electron/core-host/v8-flags.json, where the flags are kept.)
 */
export function webHostArgs(): string[] {
  const web = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.web!;
  const command = /&& node ((?:--\S+ )*dist\/web-host\/main\.js)$/.exec(web);
  if (!command) throw new Error(`package.json's web script no longer ends by starting node dist/web-host/main.js: ${web}`);
  return command[1]!.split(' ');
}
