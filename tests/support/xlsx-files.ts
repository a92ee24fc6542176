import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Workbooks written byte by byte, for the cases no spreadsheet program writes: a zip entry that
 * lies about its size, XML nested thousands deep. Everything else in the tests comes from exceljs
 * or LibreOffice, as sellers' files come from Excel.
 */
export interface HandMadeEntry {
  name: string;
  content: string | Buffer;
  /** The size the zip directory claims for the unpacked entry (default: the true size). */
  declaredSize?: number;
}

const WORKBOOK_PARTS: HandMadeEntry[] = [
  {
    name: '[Content_Types].xml',
    content:
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  },
  {
    name: 'xl/workbook.xml',
    content:
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="订单列表" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    content:
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  },
];

/** A workbook whose first sheet is `sheetData` (the rows' XML), with `others` parts (shared strings, styles) besides. */
export function handMadeXlsx(file: string, sheetData: string | Buffer, sheet: Partial<HandMadeEntry> = {}, others: HandMadeEntry[] = []): string {
  const xml =
    typeof sheetData === 'string'
      ? `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`
      : sheetData;
  writeZip(file, [...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', content: xml, ...sheet }, ...others]);
  return file;
}

export function writeZip(file: string, entries: HandMadeEntry[]): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = zlib.crc32(data);
    const size = entry.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...parts, directory, end]));
}

/** The first `fraction` of a file, as an interrupted download leaves it. */
export function truncated(file: string, fraction: number): string {
  const bytes = fs.readFileSync(file);
  const cut = `${file.replace(/\.xlsx$/, '')}-cut${Math.round(fraction * 100)}.xlsx`;
  fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return cut;
}
