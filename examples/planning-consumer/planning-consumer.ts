import pg from 'pg';

/**
 * A downstream consumer outside the service, as a cadre-planning office would write one: it follows the
 * public feed over HTTP and keeps, in a database of its own, which members may be put forward for planning
 * (quy hoạch cán bộ): full members on the roll whose discipline record has no sanction in effect. Each page
 * is applied in one transaction together with its cursor, so a crash repeats nothing and skips nothing.
 */

export interface FeedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly cursor: string;
}

interface FeedPage {
  readonly events: readonly FeedEvent[];
  readonly next: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS planning_members (
    member_id text PRIMARY KEY,
    organization_id text NOT NULL,
    standing text NOT NULL CHECK (standing IN ('probationary', 'full', 'left')),
    sanctioned_since date
  );
  CREATE TABLE IF NOT EXISTS planning_proceedings (
    id text PRIMARY KEY,
    member_id text NOT NULL
  );
  CREATE TABLE IF NOT EXISTS planning_feed_checkpoint (
    id integer PRIMARY KEY CHECK (id = 1),
    cursor text NOT NULL
  );
  CREATE OR REPLACE VIEW planning_eligible AS
    SELECT member_id, organization_id FROM planning_members WHERE standing = 'full' AND sanctioned_since IS NULL`;

type Query = (sql: string, values: unknown[]) => Promise<unknown>;

function text(data: Readonly<Record<string, unknown>>, field: string): string {
  const value = data[field];
  if (typeof value !== 'string') throw new Error(`Feed event field ${field} is not a string`);
  return value;
}

function memberOf(subject: unknown): string | undefined {
  const value = typeof subject === 'object' && subject !== null ? (subject as Record<string, unknown>).memberId : undefined;
  return typeof value === 'string' ? value : undefined;
}

const standing = (query: Query, memberId: string, value: string) => query('UPDATE planning_members SET standing = $2 WHERE member_id = $1', [memberId, value]);

/** One event into the planning tables; event types this view does not need are passed over. */
export async function applyEvent(query: Query, event: FeedEvent): Promise<void> {
  const { data } = event;
  switch (event.type) {
    case 'MemberAdmitted':
      await query(
        `INSERT INTO planning_members (member_id, organization_id, standing) VALUES ($1, $2, 'probationary')
         ON CONFLICT (member_id) DO UPDATE SET organization_id = EXCLUDED.organization_id`,
        [text(data, 'memberId'), text(data, 'organizationId')],
      );
      return;
    case 'MemberMadeFull':
    case 'MembershipRestored':
      return void (await standing(query, text(data, 'memberId'), 'full'));
    case 'MemberTransferred':
      await query('UPDATE planning_members SET organization_id = $2 WHERE member_id = $1', [text(data, 'memberId'), text(data, 'toOrganizationId')]);
      return;
    case 'MemberRemovedFromRoll':
    case 'MemberReleased':
    case 'MemberDied':
    case 'MemberExpelled':
      return void (await standing(query, text(data, 'memberId'), 'left'));
    case 'PersonalDataErased':
      // The service asks every consumer to delete what it holds about the member.
      await query('DELETE FROM planning_members WHERE member_id = $1', [text(data, 'memberId')]);
      await query('DELETE FROM planning_proceedings WHERE member_id = $1', [text(data, 'memberId')]);
      return;
    case 'DisciplineCaseOpened':
    case 'AppealFiled': {
      const memberId = memberOf(data.subject);
      const id = text(data, event.type === 'AppealFiled' ? 'appealId' : 'caseId');
      if (memberId) await query('INSERT INTO planning_proceedings (id, member_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, memberId]);
      return;
    }
    case 'DisciplineDecisionAnnounced':
      // A case's events carry its stream id, "discipline-case-<case id>".
      await query(
        `UPDATE planning_members SET sanctioned_since = $2
         WHERE member_id = (SELECT member_id FROM planning_proceedings WHERE 'discipline-case-' || id = $1)`,
        [event.streamId, text(data, 'effectiveOn')],
      );
      return;
    case 'SanctionAnnulled':
      await query(
        `UPDATE planning_members SET sanctioned_since = NULL
         WHERE member_id = (SELECT member_id FROM planning_proceedings WHERE id = $1)`,
        [text(data, 'appealId')],
      );
      return;
  }
}

export interface PlanningConsumerOptions {
  /** The service's base URL, such as https://disciplina.example.org */
  readonly serviceUrl: string;
  /** A bearer token of an `integration` account. */
  readonly token: string;
  readonly pageSize?: number;
}

export class PlanningConsumer {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: PlanningConsumerOptions,
  ) {}

  async migrate(): Promise<void> {
    await this.pool.query(SCHEMA);
  }

  /** Reads and applies pages until the feed has nothing more; returns how many events it applied. */
  async catchUp(): Promise<number> {
    let applied = 0;
    for (;;) {
      const after = await this.cursor();
      const page = await this.page(after);
      if (page.next === after) return applied;
      await this.apply(page);
      applied += page.events.length;
    }
  }

  /** Catches up, then again every `intervalMs`, until `signal` aborts; a failure is reported and tried again from the checkpoint. */
  async follow(signal: AbortSignal, intervalMs: number, report: (message: string) => void): Promise<void> {
    while (!signal.aborted) {
      try {
        const applied = await this.catchUp();
        if (applied > 0) report(`applied ${applied} events`);
      } catch (error) {
        report(`failed, trying again: ${error instanceof Error ? error.message : String(error)}`);
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        signal.addEventListener('abort', () => resolve(clearTimeout(timer)), { once: true });
      });
    }
  }

  private async cursor(): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ cursor: string }>('SELECT cursor FROM planning_feed_checkpoint WHERE id = 1');
    return rows[0]?.cursor;
  }

  private async page(after: string | undefined): Promise<FeedPage> {
    const url = new URL('/api/v1/feed', this.options.serviceUrl);
    if (after !== undefined) url.searchParams.set('after', after);
    url.searchParams.set('limit', String(this.options.pageSize ?? 200));
    const response = await fetch(url, { headers: { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' } });
    if (!response.ok) throw new Error(`The feed answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as FeedPage;
  }

  private async apply(page: FeedPage): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const query: Query = (sql, values) => client.query(sql, values);
      for (const event of page.events) await applyEvent(query, event);
      await client.query(`INSERT INTO planning_feed_checkpoint (id, cursor) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET cursor = EXCLUDED.cursor`, [
        page.next,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** A pool for the consumer's own database; a connection's error is reported, not thrown at the process. */
export function consumerPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', (error) => console.error(`planning consumer database: ${error.message}`));
  return pool;
}
