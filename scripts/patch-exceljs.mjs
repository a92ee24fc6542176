// exceljs 4.4's streaming reader decodes each decompressed chunk on its own, so a Chinese character
// split across two chunks becomes "��" (exceljs issues #2063, #2084, #2316; fixes never merged).
// This postinstall step makes parse-sax keep the partial bytes for the next chunk. It is idempotent
// and fails loudly if exceljs changes the code it patches — then re-check the upstream fix.
// tests/integration/seller-center-import.test.ts reads a large Chinese workbook to prove it.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const file = require.resolve('exceljs/lib/utils/parse-sax.js');
const source = fs.readFileSync(file, 'utf8');
const MARK = '// seller-desk: utf8 chunk decoder';
const ORIGINAL = '    saxesParser.write(bufferToString(chunk));';
const PATCHED = "    saxesParser.write(typeof chunk === 'string' ? chunk : decoder.write(chunk));";

if (source.includes(MARK)) process.exit(0);
if (!source.includes(ORIGINAL) || !source.includes('  for await (const chunk of iterable) {')) {
  console.error(`patch-exceljs: ${file} is not the code this patch expects; check whether exceljs fixed multi-byte chunk decoding`);
  process.exit(1);
}
const patched = source
  .replace(
    "const {bufferToString} = require('./browser-buffer-decode');",
    `const {bufferToString} = require('./browser-buffer-decode');\nconst {StringDecoder} = require('string_decoder'); ${MARK}`,
  )
  .replace('  for await (const chunk of iterable) {', "  const decoder = new StringDecoder('utf8');\n  for await (const chunk of iterable) {")
  .replace(ORIGINAL, PATCHED);
fs.writeFileSync(file, patched);
console.log('patch-exceljs: streaming reader now keeps multi-byte characters across chunks');
