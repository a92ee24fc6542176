import type { z } from 'zod';
import type { SandboxResponse } from './http-kit';

/**
 * What the sandbox's seller-action endpoints share (服务监管 and 销售管理, both sandbox extensions):
 * the other side's answer delay, items changed by this run with the answer they wait for (applied
 * lazily when a request arrives), idempotency by `action_id`, and the envelope of their answers.
 */

/**
 * How long (sandbox clock) the other side takes to answer: the customer or Huawei Cloud passing a
 * supervision step, Huawei Cloud approving an offer, a voucher or a business plan.
 */
export const SANDBOX_ANSWER_DELAY_MS = 60_000;

/** An item as this run changed it, and when the other side's next answer is due (null: none). */
export interface Changed<T> {
  item: T;
  answerAt: number | null;
}

/**
 * The generated items of one list with this run's changes and the items this run created, each with
 * its pending answer. Answers are applied lazily, when a request reads the items: `answer` applies
 * the answers due by `now` to one item, its updated_at becoming `now` (the request that sees them,
 * so an updated-since cursor does); it is only called when an answer is due. Generated items that
 * were never changed get no answers.
 */
export class ChangedItems<T> {
  private base: Map<string, T> | null = null;
  private readonly changes = new Map<string, Changed<T>>();

  /** `generated` is called once, when the items are first needed. */
  constructor(
    private readonly generated: () => readonly T[],
    private readonly idOf: (item: T) => string,
    private readonly answer: (changed: Changed<T>, now: number) => Changed<T>,
  ) {}

  /** Every item as of `now`: the generated ones (changed or not), then the ones this run created. */
  list(now: number): T[] {
    this.settle(now);
    const base = this.generatedById();
    const items = Array.from(base.values(), (item) => this.changes.get(this.idOf(item))?.item ?? item);
    for (const [id, changed] of this.changes) if (!base.has(id)) items.push(changed.item);
    return items;
  }

  /** One item as of `now`, or null when there is none. */
  get(id: string, now: number): T | null {
    return this.current(id, now)?.item ?? null;
  }

  /** One item as of `now` with its pending answer (none for an unchanged generated item), or null. */
  current(id: string, now: number): Changed<T> | null {
    this.settle(now);
    const changed = this.changes.get(id);
    if (changed) return changed;
    const item = this.generatedById().get(id);
    return item === undefined ? null : { item, answerAt: null };
  }

  /** The generated items as generated, without this run's changes. */
  generatedItems(): T[] {
    return [...this.generatedById().values()];
  }

  /** Keeps a change (or a new item) with its pending answer. */
  set(changed: Changed<T>): void {
    this.changes.set(this.idOf(changed.item), changed);
  }

  private settle(now: number): void {
    for (const [id, changed] of this.changes) {
      if (changed.answerAt !== null && changed.answerAt <= now) this.changes.set(id, this.answer(changed, now));
    }
  }

  private generatedById(): Map<string, T> {
    this.base ??= new Map(this.generated().map((item) => [this.idOf(item), item]));
    return this.base;
  }
}

/** A request an action endpoint took; a repeated action_id is `duplicate`. */
export interface ActionReceived {
  action_id: string;
  /** When the seller acted (the request's `at`). */
  at: number;
  received_at: number;
  duplicate: boolean;
}

/**
 * Every request an action endpoint took (duplicates included) and the first answer to each
 * action_id: a repeated action_id gets that answer again (a refusal too) and changes nothing.
 */
export class ActionLog<R extends ActionReceived> {
  readonly received: R[] = [];
  private readonly answers = new Map<string, SandboxResponse>();

  /** Records the request; answers with the first answer to its action_id, or with `answer()`, kept as the first. */
  take(received: Omit<R, 'duplicate'>, answer: () => SandboxResponse): SandboxResponse {
    const first = this.answers.get(received.action_id);
    this.received.push({ ...received, duplicate: first !== undefined } as R);
    if (first) return first;
    const answered = answer();
    this.answers.set(received.action_id, answered);
    return answered;
  }
}

/** The body parsed by `schema`, or what is wrong with it, the field named (`offer.valid_from: …`). */
export function parseBody<T>(rawBody: string, schema: z.ZodType<T>): T | string {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return 'the body is not JSON';
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

/** A bad body or an unknown item: 400 MKT.0101, as KooGallery answers a bad parameter. */
export function invalidParameter(message: string): SandboxResponse {
  return { status: 400, body: { resultCode: 'MKT.0101', resultMsg: `Invalid parameter: ${message}` } };
}

/** Refused by the item's state or a business rule: 400 MKT.9005 (permanent), `extra_info.reason` saying why. */
export function refused(resultMsg: string, extraInfo: { reason: string } & Record<string, unknown>): SandboxResponse {
  return { status: 400, body: { resultCode: 'MKT.9005', resultMsg, extra_info: extraInfo } };
}

/** Taken: 200 MKT.0000 with the answer's fields (the item after it). */
export function taken(fields: Record<string, unknown>, resultMsg = 'Success'): SandboxResponse {
  return { status: 200, body: { resultCode: 'MKT.0000', resultMsg, ...fields } };
}
