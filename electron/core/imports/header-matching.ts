import { normalizeText } from '../conventions';

/** Field → the header texts that name it (resources/header-aliases/*.json). */
export type AliasTable = Record<string, readonly string[]>;

/**
 * A header as compared with the aliases: full-width letters and brackets folded (NFKC), case,
 * spaces and underscores ignored, and a trailing unit in brackets dropped — 交易金额(元),
 * 结算金额（元）, 金额 (¥), 比例(%), 数量(个) and 开始时间(UTC) match 交易金额, 结算金额 and so on.
 */
export function normalizeHeader(text: unknown): string {
  let header = normalizeText(text).toLowerCase();
  for (let previous = ''; previous !== header;) {
    previous = header;
    header = header.replace(/\s*\([^()]*\)\s*$/, '');
  }
  return header.replace(/[\s_]/g, '');
}

/** Matches a file's header cells to fields, by one alias table. */
export class HeaderMatcher {
  private readonly byHeader = new Map<string, string>();

  constructor(readonly aliases: AliasTable) {
    for (const [field, names] of Object.entries(aliases)) for (const name of names) this.byHeader.set(normalizeHeader(name), field);
  }

  /** The field a header cell names, or null. */
  field(cell: unknown): string | null {
    const header = normalizeHeader(cell);
    return header ? (this.byHeader.get(header) ?? null) : null;
  }

  /** The first alias of a field, as the file's own column would most likely say it. */
  shownName(field: string): string {
    return this.aliases[field]?.[0] ?? field;
  }
}
