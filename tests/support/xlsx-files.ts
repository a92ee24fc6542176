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

/**
 * Each part of a ZIP file, inflated, once its CRC-32 and size are checked against the central
 * directory (what unzip -t checks); throws naming the part that does not match.
 */
export function zipParts(file: string): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const parts = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const [crc, compressedSize, size] = [16, 20, 24].map((offset) => zip.readUInt32LE(at + offset)) as [number, number, number];
    const [nameLength, extraLength, commentLength] = [28, 30, 32].map((offset) => zip.readUInt16LE(at + offset)) as [number, number, number];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zlib.inflateRawSync(zip.subarray(dataAt, dataAt + compressedSize));
    if (zlib.crc32(data) !== crc || data.length !== size)
      throw new Error(`${file}: part ${name} inflates to ${data.length} bytes with CRC ${zlib.crc32(data)}; the directory says ${size} bytes, CRC ${crc}`);
    parts.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}
