import { CoreCallError, type BadRow, type FieldIssue, type Language, type ReasonParams, type SyncError } from '../../electron/core/contract';
import { termLabel } from '../../electron/core/conventions';
import { i18n } from '../i18n';
import { displayTimeZone } from './display-zone';
import { formatFen, formatShare } from './format-money';
import { formatTime } from './format-time';

/**
 * What a failed call says to the seller, in the seller's language: the core's reason worded with its
 * values, field by field for invalid input, never the core's English message. A cancelled job says
 * `cancelledText` when one is given.
 */
export function errorMessage(error: unknown, cancelledText?: string): string {
  if (!(error instanceof CoreCallError)) return i18n.t('errorCodes.INTERNAL');
  if (cancelledText !== undefined && error.code === 'CANCELLED') return cancelledText;
  if (error.issues?.length) return error.issues.map(issueText).join('；');
  if (error.reason && i18n.exists(`errors.${error.reason}`)) return i18n.t(`errors.${error.reason}`, shownParams(error.params, error.reason));
  return i18n.t(`errorCodes.${error.code}`);
}

/** One field's problem: its name, then why. */
export function issueText(issue: FieldIssue): string {
  return `${fieldName(issue.path)}：${reasonText(issue.reason, issue.params)}`;
}

/** A bad row's reason in the seller's language (the core's English one when it gave no key). */
export function badRowText(row: BadRow): string {
  if (row.key?.startsWith('error:')) return reasonText(`errors.${row.key.slice('error:'.length)}`, row.params);
  return row.key && i18n.exists(`rows.${row.key}`) ? i18n.t(`rows.${row.key}`, shownParams(row.params)) : row.reason;
}

/**
 * A marketplace code as the seller reads it: its meaning first, the code beside it for support
 * ("系统内部错误（MKT.0999）"); an unknown code as it is.
 */
export function marketplaceCodeText(code: string): string {
  const meaning = termLabel('marketplaceCode', code, i18n.language as Language);
  return meaning === code ? code : i18n.t('codeWithMeaning', { meaning, code });
}

/** Why a sync stopped, in words: the marketplace's code, a server error, or the network's. */
export function syncErrorText(error: SyncError): string {
  if (error.code && error.code !== `${error.httpStatus}`) {
    const text = marketplaceCodeText(error.code);
    return error.httpStatus && error.httpStatus >= 500 ? i18n.t('syncErrors.server', { reason: text, status: error.httpStatus }) : text;
  }
  if (error.httpStatus) return i18n.t('syncErrors.http', { status: error.httpStatus });
  if (error.networkError) return i18n.t('syncErrors.network', { code: error.networkError });
  return i18n.t('syncErrors.interrupted');
}

export function fieldName(path: string): string {
  return i18n.exists(`fields.${path}`) ? i18n.t(`fields.${path}`) : path;
}

/**
 * A field's or a file cell's problem in words: zod's codes, a rule (rules.…), or a reason the core
 * words under errors (planning.gmv reads errors.planning.gmv).
 */
export function reasonText(reason: string | undefined, params: ReasonParams | undefined): string {
  if (!reason) return i18n.t('zod.custom');
  const key = reason.startsWith('zod.') ? zodKey(reason, params) : i18n.exists(`errors.${reason}`) ? `errors.${reason}` : reason;
  return i18n.exists(key) ? i18n.t(key, shownParams(params, reason)) : i18n.t('zod.custom');
}

/** zod's too_small / too_big read differently for text, numbers and lists. */
function zodKey(reason: string, params: ReasonParams | undefined): string {
  const origin = params?.origin;
  const specific = `${reason}_${origin}`;
  return typeof origin === 'string' && i18n.exists(specific) ? specific : reason;
}

/**
 * Where a reason's codes are worded when the same param name means different things: a
 * requirement's `state` is not an offer's (销售管理's reasons).
 */
const REASON_LOOKUPS: Record<string, Record<string, string[]>> = {
  'requirements.lapsed': { state: ['vocab.requirementState'], expected: ['vocab.requirementState'] },
  'requirements.wrongState': { state: ['vocab.requirementState'], expected: ['vocab.requirementState'] },
  'offers.requirementNotConverting': { state: ['vocab.requirementState'] },
  'offers.wrongState': { state: ['vocab.offerState'], expected: ['vocab.offerState'] },
  'vouchers.wrongState': { state: ['vocab.voucherSubmission', 'vocab.voucherState'], expected: ['vocab.voucherSubmission'] },
  'planning.wrongState': { state: ['vocab.planningState'] },
  'planning.missingColumn': { column: ['planning.columns'] },
};
const SHARE_KEYS = new Set(['share', 'maxShare', 'expectedShare']);

/** Values as the seller reads them: instants in the seller's zone, fen as yuan, shares as %, codes with their words. */
function shownParams(params: ReasonParams | undefined, reason?: string): Record<string, string | number> {
  const timeZone = displayTimeZone();
  const shown: Record<string, string | number> = {};
  const scoped = reason ? REASON_LOOKUPS[reason] : undefined;
  for (const [key, value] of Object.entries(params ?? {})) shown[key] = shownValue(key, value, timeZone, scoped?.[key]);
  return shown;
}

function shownValue(key: string, value: string | number, timeZone: string, scoped?: string[]): string | number {
  if ((key.endsWith('At') || key.endsWith('Time') || key === 'validFrom' || key === 'validUntil') && typeof value === 'number')
    return formatTime(value, timeZone);
  if (key.endsWith('Fen') && typeof value === 'number') return formatFen(value);
  if (SHARE_KEYS.has(key) && typeof value === 'number') return formatShare(value);
  const text = String(value);
  if (key === 'marketplaceCode') return marketplaceCodeText(text);
  if (scoped) return codesText(text, scoped, value);
  const lookups: Record<string, string[]> = {
    state: ['vocab.usageState'],
    resource: ['syncResources'],
    kind: ['imports.kinds'],
    found: ['imports.kinds'],
    expected: ['imports.kinds', 'vocab.supervisionStep'],
    step: ['vocab.supervisionStep'],
    action: ['vocab.supervisionAction'],
    status: ['vocab.supervisionStatus'],
  };
  const tables = lookups[key];
  return tables ? codesText(text, tables, value) : value;
}

/** A code, or a list of codes ("upload_proof,confirm_complete", "published/ended"), worded code by code; as given when one is unknown. */
function codesText(text: string, tables: string[], value: string | number): string | number {
  const keys = text.split(/[,/]/).map((code) => {
    const table = tables.find((t) => i18n.exists(`${t}.${code}`));
    return table ? `${table}.${code}` : null;
  });
  return keys.every((k): k is string => k !== null) ? keys.map((k) => i18n.t(k)).join(' / ') : value;
}

/** A reason key the core gave without an error (why an action is not open now), worded with `params`. */
export function reasonMessage(reason: string, params?: ReasonParams): string {
  return i18n.exists(`errors.${reason}`) ? i18n.t(`errors.${reason}`, shownParams(params, reason)) : i18n.t('zod.custom');
}
