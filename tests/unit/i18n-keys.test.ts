import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { enUS } from '../../renderer/i18n/en-US';
import { zhCN } from '../../renderer/i18n/zh-CN';

/** Every `t('a.b.c')` with a literal key in the renderer, and where it is used. */
function literalKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !file.includes(`${path.sep}i18n${path.sep}`)) {
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) keys.set(match[1]!, path.relative(process.cwd(), file));
      }
    }
  };
  walk('renderer');
  return keys;
}

function lookup(messages: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe('UI words', () => {
  const keys = literalKeys();

  it('finds the keys it checks (the scan itself works)', () => {
    expect(keys.size).toBeGreaterThan(150);
    expect(keys.has('review.sync')).toBe(true);
  });

  it.each([
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ] as const)('every key the renderer asks for by name exists in %s as text', (_, messages) => {
    const missing = [...keys].filter(([key]) => typeof lookup(messages, key) !== 'string').map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
