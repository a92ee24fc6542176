/**
 * Short Chinese terms (1–2 characters) are searched in `orders_search_chars`, where every CJK
 * character of the names is its own token: "华为" is then the phrase 华 为, answered by the index.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const ONLY_CJK = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
/** Between two names: a token no CJK term can match, so a phrase never spans two fields. */
const FIELD_SEPARATOR = ' sep ';

/** The indexed text of an order's customer, user and product names. */
export function searchCharsText(names: { customer_name: string; user_name: string; product_name: string }): string {
  return [names.customer_name, names.user_name, names.product_name].map((name) => name.replace(CJK, ' $& ')).join(FIELD_SEPARATOR);
}

/** The FTS5 phrase of a 1–2 character CJK term, or null when the term is anything else (longer, or not CJK). */
export function shortCjkPhrase(term: string): string | null {
  const chars = [...term];
  return chars.length <= 2 && ONLY_CJK.test(term) ? `"${chars.join(' ')}"` : null;
}
