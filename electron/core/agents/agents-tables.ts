import type { MethodOutput } from '../contract';
import type { SqliteDatabase } from '../db';

type Registration = Omit<MethodOutput<'agents.get'>['registration'], 'lastCheck'>;
export type BackendCheck = MethodOutput<'agents.check'>;

/** The `agents_registrations` and `agents_checks` tables: every statement that touches them. */
export class AgentsTables {
  constructor(private readonly db: SqliteDatabase) {}

  insert(r: Registration): void {
    this.db
      .prepare(
        `INSERT INTO agents_registrations (registration_id, product_id, product_name, backend_url, auth_mode, region, method, headers, body, secret_headers, state, refusal, created_at, updated_at)
         VALUES (@registrationId, @productId, @productName, @backendUrl, @authMode, @region, @method, @headers, @body, @secretHeaders, @state, @refusal, @createdAt, @updatedAt)`,
      )
      .run({ ...r, headers: JSON.stringify(r.headers), secretHeaders: JSON.stringify(r.secretHeaders), body: r.body === null ? null : JSON.stringify(r.body) });
  }

  all(): Registration[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM agents_registrations ORDER BY created_at DESC`).all() as Record<string, unknown>[]).map(fromRow);
  }

  get(registrationId: string): Registration | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM agents_registrations WHERE registration_id = ?`).get(registrationId) as
      Record<string, unknown> | undefined;
    return row ? fromRow(row) : null;
  }

  /** A new state; a refusal's reason goes with 'refused' and is cleared by any other state. */
  setState(registrationId: string, state: Registration['state'], now: number, refusal: string | null = null): void {
    this.db
      .prepare('UPDATE agents_registrations SET state = ?, refusal = ?, updated_at = ? WHERE registration_id = ?')
      .run(state, refusal, now, registrationId);
  }

  setSecretHeaders(registrationId: string, names: string[], now: number): void {
    this.db
      .prepare('UPDATE agents_registrations SET secret_headers = ?, updated_at = ? WHERE registration_id = ?')
      .run(JSON.stringify(names), now, registrationId);
  }

  addCheck(registrationId: string | null, check: BackendCheck): void {
    this.db
      .prepare('INSERT INTO agents_checks (registration_id, backend_url, at, passed, result) VALUES (?, ?, ?, ?, ?)')
      .run(registrationId, check.url, check.at, check.passed ? 1 : 0, JSON.stringify(check));
  }

  /** A backend's checks, newest first. */
  checks(backendUrl: string, limit = 50): BackendCheck[] {
    const rows = this.db
      .prepare('SELECT result FROM agents_checks WHERE backend_url = ? ORDER BY at DESC, id DESC LIMIT ?')
      .pluck()
      .all(backendUrl, limit) as string[];
    return rows.map((r) => JSON.parse(r) as BackendCheck);
  }
}

const COLUMNS = `registration_id AS registrationId, product_id AS productId, product_name AS productName, backend_url AS backendUrl, auth_mode AS authMode,
  region, method, headers, body, secret_headers AS secretHeaders, state, refusal, created_at AS createdAt, updated_at AS updatedAt`;

function fromRow(row: Record<string, unknown>): Registration {
  return {
    ...(row as Registration),
    headers: JSON.parse(row.headers as string) as Registration['headers'],
    secretHeaders: JSON.parse(row.secretHeaders as string) as string[],
    body: row.body === null ? null : (JSON.parse(row.body as string) as unknown),
  };
}
