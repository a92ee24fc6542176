// A local ESLint rule: from outside a folder, only its index.ts is imported (design.md §2, issue 11).
// Applies to every folder under electron/ (electron/ and electron/core/ are containers of such
// folders, not folders with a surface of their own besides electron/core/index.ts) and to the
// renderer's imports of electron/. A generic rule of two lines of policy, where eslint-plugin-boundaries
// would need every folder declared and an import resolver for TypeScript paths.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ELECTRON = path.join(ROOT, 'electron');
const CONTAINERS = new Set([ELECTRON, path.join(ELECTRON, 'core')]);
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolve(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function isInside(file, dir) {
  return file.startsWith(dir + path.sep);
}

function isIndex(file) {
  return /^index\.tsx?$/.test(path.basename(file));
}

/** The folder whose surface the import crosses into, or null when it crosses none (a sibling file). */
function crossedFolder(importer, target) {
  let common = path.dirname(importer);
  while (!isInside(target, common)) common = path.dirname(common);
  const below = path.relative(common, path.dirname(target)).split(path.sep).filter(Boolean);
  let dir = common;
  for (const segment of below) {
    dir = path.join(dir, segment);
    if (!CONTAINERS.has(dir)) return dir;
  }
  // the target sits directly in a container below the common folder (electron/core/index.ts)
  return dir !== common ? dir : null;
}

export const publicSurfaceRule = {
  meta: {
    type: 'problem',
    docs: { description: "From outside a folder, import only its index.ts (the folder's public surface)." },
    messages: { internal: '"{{specifier}}" reaches into {{folder}}/ from outside it: import "{{folder}}" (its index.ts) and export what is needed there.' },
    schema: [],
  },
  create(context) {
    const importer = context.filename;
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolve(importer, specifier);
      if (!target || !isInside(target, ELECTRON)) return;
      const folder = crossedFolder(importer, target);
      if (!folder || (isIndex(target) && path.dirname(target) === folder)) return;
      context.report({ node: node.source, messageId: 'internal', data: { specifier, folder: path.relative(ROOT, folder) } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'public-surface': publicSurfaceRule } };
