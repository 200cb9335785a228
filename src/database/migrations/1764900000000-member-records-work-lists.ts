import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of issue 5: member records, officers' work lists and deadline alerts. */
export class MemberRecordsWorkLists1764900000000 implements MigrationInterface {
  name = 'MemberRecordsWorkLists1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE member_records (member_id text PRIMARY KEY, record jsonb NOT NULL)`);
    await db.query(`CREATE TABLE member_record_cases (stream_id text PRIMARY KEY, member_id text NOT NULL)`);
    await db.query(`CREATE TABLE work_list_states (stream_id text PRIMARY KEY, stream_type text NOT NULL, state jsonb NOT NULL)`);
    for (const [table, id] of [
      ['work_list_inspections', 'inspection_id'],
      ['work_list_discipline_cases', 'case_id'],
    ] as const) {
      await db.query(`
        CREATE TABLE ${table} (
          ${id} text PRIMARY KEY,
          stream_id text NOT NULL UNIQUE,
          state text NOT NULL,
          organization_id text NOT NULL,
          body_kind text,
          subject jsonb NOT NULL,
          ${table === 'work_list_inspections' ? 'last_act_on' : 'opened_on'} date NOT NULL,
          due_on date,
          due_kind text
        )`);
      await db.query(`CREATE INDEX ${table}_by_due ON ${table} (due_on, ${id})`);
      await db.query(`CREATE INDEX ${table}_by_organization ON ${table} (organization_id, due_on)`);
    }
    await db.query(`
      CREATE TABLE deadline_alerts (
        stream_id text NOT NULL,
        kind text NOT NULL,
        due_on date NOT NULL,
        stream_type text NOT NULL,
        organization_id text NOT NULL,
        subject jsonb NOT NULL,
        rule_version text,
        citation jsonb,
        confirmed boolean NOT NULL,
        PRIMARY KEY (stream_id, kind)
      )`);
    await db.query(`CREATE INDEX deadline_alerts_by_due ON deadline_alerts (due_on)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'deadline_alerts',
      'work_list_discipline_cases',
      'work_list_inspections',
      'work_list_states',
      'member_record_cases',
      'member_records',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
