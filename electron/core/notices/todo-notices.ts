import { z } from 'zod';
import type { NoticeCategory } from '../conventions';
import type { Schedule } from '../jobs';
import type { KeyValues } from '../settings';
import type { TodoRegistry } from '../todos';
import type { Notifier } from './notifier';

/** Which to-do (todos/ registry key) raises which notification, and how loud. */
export const TASK_NOTICES: Record<string, { category: NoticeCategory; level: 'info' | 'warning' }> = {
  'tickets.waiting': { category: 'tickets.waiting', level: 'info' },
  'requirements.lapsing': { category: 'requirements.lapsing', level: 'warning' },
  'supervision.waitingOnMe': { category: 'supervision.due', level: 'info' },
};

const LAST_COUNTS_KEY = 'notices.lastCounts';
const countsSchema = z.record(z.string(), z.number().int().nonnegative());
const NOTICED_KEYS = Object.keys(TASK_NOTICES);

export const TASK_NOTICES_SCHEDULE = 'notices.todos';

export interface TodoNoticesOptions {
  todos: Pick<TodoRegistry, 'read'>;
  notifier: Pick<Notifier, 'notify'>;
  values: KeyValues;
  now: () => number;
  /** How often the counts are read (default 1 minute); 0 turns the schedule off (tests run it by hand). */
  everyMs?: number;
}

/**
 * Reads the to-do counts on a schedule and notifies when one rises above what was seen last (kept
 * across restarts; a count seen for the first time only sets where it starts). A count that falls
 * is remembered too, so the next rise notifies again.
 */
export class TodoNotices {
  readonly schedules: Schedule[];

  constructor(private readonly options: TodoNoticesOptions) {
    this.schedules = [{ name: TASK_NOTICES_SCHEDULE, everyMs: options.everyMs ?? 60_000, run: () => this.check() }];
  }

  /** One reading: the notifications raised (a disabled category still moves its count). */
  check(): { category: NoticeCategory; count: number; added: number }[] {
    const { todos, notifier, values, now } = this.options;
    const last = values.get(LAST_COUNTS_KEY, countsSchema) ?? {};
    const seen: Record<string, number> = { ...last };
    const raised: { category: NoticeCategory; count: number; added: number }[] = [];
    for (const todo of todos.read(now(), NOTICED_KEYS)) {
      const notice = TASK_NOTICES[todo.key]!;
      const before = last[todo.key];
      seen[todo.key] = todo.count;
      if (before === undefined || todo.count <= before) continue;
      const added = todo.count - before;
      notifier.notify(notice.category, { count: todo.count, added }, notice.level);
      raised.push({ category: notice.category, count: todo.count, added });
    }
    if (Object.keys(seen).some((key) => seen[key] !== last[key])) values.set({ [LAST_COUNTS_KEY]: seen });
    return raised;
  }
}
