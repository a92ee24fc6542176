import type { MethodOutput } from '../../../electron/core/contract';

/** How the backend checker's results read: each check's name, what it found, and what it expected. */

export type BackendCheck = MethodOutput<'agents.check'>;
export type UsageCheck = BackendCheck['checks'][number];
export type CheckName = UsageCheck['name'];
/** i18next's t, as the pages call it. */
export type T = (key: string, values?: Record<string, string | number>) => string;

/** The checks in the order the core runs them (it stops at the first that fails). */
export const CHECK_NAMES: readonly CheckName[] = ['answer', 'status', 'format', 'json', 'usage', 'tokens', 'total'];

export function checkName(name: CheckName, t: T): string {
  return t(`agents.checks.names.${name}`);
}

/** The first check that failed: what a failed result is named by. */
export function failedCheck(result: Pick<BackendCheck, 'checks'>): UsageCheck | null {
  return result.checks.find((c) => !c.passed) ?? null;
}

/** One check's result in the seller's words, from the core's reason and its params. */
export function checkSummary(check: UsageCheck, t: T): string {
  if (check.passed) return t(`agents.checks.passed.${check.reason}`, check.params);
  if (check.reason === 'timeout' && check.params.seconds === undefined) return t('agents.checks.failed.timeoutNoSeconds');
  return t(`agents.checks.failed.${check.reason}`, check.params);
}

/** The data shown beside "实际" for a failed check (code, not words), or null when the summary says it all. */
export function actualShown(check: UsageCheck): string | null {
  if (check.name === 'json') return null;
  if (check.name === 'answer') return check.message;
  if (check.name === 'tokens') return check.message;
  return check.actual;
}

/** The formula the total is checked against (total_tokens = prompt_tokens + completion_tokens = 15): data, shown as code. */
export function expectedShown(check: UsageCheck): string | null {
  return check.name === 'total' ? check.expected : null;
}

/** "12 KB", "850 B". */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
