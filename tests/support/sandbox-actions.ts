import { expect } from 'vitest';
import { z } from 'zod';
import type { ApiOutcome, EnvelopeReader, KooGalleryClient } from '../../electron/core/koogallery';

/** The sandbox's seller-action endpoints (销售管理, 注册Agents) as the app's client sees their answers. */

const envelopeSchema = z.object({ resultCode: z.string(), resultMsg: z.string().optional() }).passthrough();
type Envelope = z.infer<typeof envelopeSchema>;

/** An answer: the classified outcome (as the app sees it) and the whole envelope (extra_info too). */
export interface Answer {
  outcome: ApiOutcome<Envelope>;
  status: number | null;
  body: Envelope & { extra_info?: { reason: string } & Record<string, unknown> } & Record<string, unknown>;
}

/** A signed POST under /sandbox/v1/, through the app's client. */
export async function postAction(client: KooGalleryClient, path: string, body: Record<string, unknown>): Promise<Answer> {
  const seen: { envelope?: Envelope } = {};
  const reader: EnvelopeReader<Envelope> = {
    schema: envelopeSchema,
    code: (e) => {
      seen.envelope = e;
      return e.resultCode;
    },
    message: (e) => e.resultMsg ?? '',
  };
  const outcome = await client.sendApig(`/sandbox/v1/${path}`, 'POST', JSON.stringify(body), reader, (e) => e);
  return { outcome, status: outcome.meta.httpStatus, body: seen.envelope as Answer['body'] };
}

export function expectRefused(answer: Answer, reason: string) {
  expect(answer.outcome, JSON.stringify(answer.body)).toMatchObject({ class: 'permanent', code: 'MKT.9005' });
  expect(answer.status).toBe(400);
  expect(answer.body.extra_info?.reason).toBe(reason);
}

export function expectInvalid(answer: Answer, field: string) {
  expect(answer.outcome).toMatchObject({ class: 'permanent', code: 'MKT.0101', message: expect.stringContaining(field) });
  expect(answer.status).toBe(400);
}

export function taken<T>(answer: Answer, key: string): T {
  if (answer.outcome.class !== 'ok') throw new Error(`${answer.outcome.code}: ${answer.outcome.message}`);
  expect(answer.body).toMatchObject({ resultCode: 'MKT.0000' });
  return answer.body[key] as T;
}
