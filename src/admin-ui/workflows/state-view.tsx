import { Anchor, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../api/client.js';
import { formatDate } from '../dates.js';
import type { Citation } from '../i18n/citation.js';
import { useI18n } from '../i18n/i18n.js';
import { ItemsTable } from '../layout/items-table.js';
import { useOrganizations } from '../organizations/organization-select.js';
import { memberQuery } from './member-picker.js';
import { WORKFLOWS, type StreamView } from './resources.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCES: Record<string, string> = {
  caseId: '/discipline-cases/',
  inspectionId: '/inspections/',
};
/** Fields that hold members' ids: each shown as the member's name. */
const MEMBERS = new Set(['memberId', 'teamMemberIds']);
/** Fields that hold where a rule is written: shown as officers cite it, never as its parts. */
const CITATIONS = new Set(['citation', 'citations']);

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BODY_FIELDS = new Set(['organizationId', 'bodyKind', 'level']);

/** A body that acts (`{ organizationId, bodyKind }`, its level beside): "Cấp ủy, Đảng bộ xã …". */
function isBody(value: Fields): value is { organizationId: string; bodyKind: string } {
  return typeof value.organizationId === 'string' && typeof value.bodyKind === 'string' && Object.keys(value).every((name) => BODY_FIELDS.has(name));
}

/** An organization by its name, linked to its page; its id while the names load, or when hidden from the caller. */
function OrganizationLink({ organizationId }: { organizationId: string }) {
  const organizations = useOrganizations();
  const name = organizations.data?.items.find((organization) => organization.organizationId === organizationId)?.name;
  return (
    <Anchor component={Link} to={`/organizations/${organizationId}`}>
      {name ?? organizationId}
    </Anchor>
  );
}

/** A member by full name, linked to the member's page; the id while it loads, or when the caller may not see the name. */
function MemberLink({ memberId }: { memberId: string }) {
  const member = useQuery(memberQuery(memberId));
  const record = member.data?.state.member as { fullName?: string | null } | undefined;
  return (
    <Anchor component={Link} to={`/members/${memberId}`}>
      {record?.fullName ?? memberId}
    </Anchor>
  );
}

function BodyName({ body }: { body: { organizationId: string; bodyKind: string } }) {
  const { value } = useI18n();
  return (
    <>
      {value(body.bodyKind)}, <OrganizationLink organizationId={body.organizationId} />
    </>
  );
}

/** The appeals filed against a decision, each with how it was decided. */
function Appeals({ appealIds }: { appealIds: readonly string[] }) {
  const { field } = useI18n();
  return (
    <ItemsTable
      label={field('appealIds')}
      headers={[field('appealIds'), field('status'), field('decidedOn')]}
      rows={appealIds.map((id) => (
        <AppealRow key={id} appealId={id} />
      ))}
    />
  );
}

function AppealRow({ appealId }: { appealId: string }) {
  const { value } = useI18n();
  const appeal = useQuery({
    queryKey: ['stream', 'appeals', appealId],
    queryFn: async () => (await call(WORKFLOWS.appeals.get({ path: { id: appealId } }))) as StreamView,
  });
  const decidedOn = appeal.data?.state.decidedOn;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/appeals/${appealId}`}>
          {appealId}
        </Anchor>
      </Table.Td>
      <Table.Td>{appeal.data ? value(String(appeal.data.state.status)) : '…'}</Table.Td>
      <Table.Td>{typeof decidedOn === 'string' ? formatDate(decidedOn) : '—'}</Table.Td>
    </Table.Tr>
  );
}

/** A list of records as a table: one column per field, labelled. */
function RecordsTable({ name, items }: { name: string; items: readonly Fields[] }) {
  const { field } = useI18n();
  const columns = [...new Set(items.flatMap((item) => Object.keys(item)))];
  return (
    <ItemsTable
      label={field(name)}
      headers={columns.map((column) => field(column))}
      rows={items.map((item, index) => (
        <Table.Tr key={index}>
          {columns.map((column) => (
            <Table.Td key={column}>
              <FieldValue name={column} value={item[column]} />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    />
  );
}

/** One field's value as officers read it: a date, a name, a citation, a table, a labelled value. */
export function FieldValue({ name, value }: { name: string; value: unknown }) {
  const { value: label, cite } = useI18n();
  if (value === null || value === undefined) return <>—</>;
  if (CITATIONS.has(name) && isFields(value)) return <>{cite(value as Citation)}</>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  if (typeof value === 'string') {
    if (DAY.test(value)) return <>{formatDate(value)}</>;
    if (name === 'organizationId') return <OrganizationLink organizationId={value} />;
    if (MEMBERS.has(name)) return <MemberLink memberId={value} />;
    const base = REFERENCES[name];
    if (base)
      return (
        <Anchor component={Link} to={`${base}${value}`}>
          {value}
        </Anchor>
      );
    return <>{label(value)}</>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>;
    if (name === 'appealIds') return <Appeals appealIds={value as string[]} />;
    if (value.every((item) => isFields(item) && !isBody(item) && !CITATIONS.has(name))) return <RecordsTable name={name} items={value as Fields[]} />;
    return (
      <>
        {value.map((item, index) => (
          <div key={index}>
            <FieldValue name={name} value={item} />
          </div>
        ))}
      </>
    );
  }
  if (isFields(value)) return isBody(value) ? <BodyName body={value} /> : <FieldsTable fields={value} nested />;
  return <>{String(value)}</>;
}

function FieldsTable({ fields, nested = false, omit = [] }: { fields: Fields; nested?: boolean; omit?: readonly string[] }) {
  const { field } = useI18n();
  return (
    <Table withRowBorders={!nested} verticalSpacing={nested ? 0 : 'xs'} fz="sm">
      <Table.Tbody>
        {Object.entries(fields)
          .filter(([name]) => !omit.includes(name))
          .map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th w={nested ? undefined : 220} style={{ verticalAlign: 'top', fontWeight: nested ? 500 : 600 }}>
                {field(name)}
              </Table.Th>
              <Table.Td>
                <FieldValue name={name} value={value} />
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A stream's state as the domain folds it: every field labelled, dates as dd/MM/yyyy, references as links, bodies
 * and citations as officers name them, lists as tables, and each part of the file (its decision, its conclusion)
 * under a heading of its own. `omit` leaves fields out at any depth.
 */
export function StateView({ state, omit = [] }: { state: Fields; omit?: readonly string[] }) {
  const { field } = useI18n();
  const shown = (fields: Fields) => Object.fromEntries(Object.entries(fields).filter(([name]) => !omit.includes(name)));
  const parts = Object.entries(shown(state)).filter((entry): entry is [string, Fields] => isFields(entry[1]) && !isBody(entry[1]) && !CITATIONS.has(entry[0]));
  const plain = Object.fromEntries(Object.entries(shown(state)).filter(([name]) => !parts.some(([part]) => part === name)));
  return (
    <Stack gap="xs">
      {Object.keys(plain).length > 0 && <FieldsTable fields={plain} />}
      {parts.map(([name, part]) => (
        <Stack key={name} gap={0}>
          <Title order={3} size="h4">
            {field(name)}
          </Title>
          <FieldsTable fields={part} omit={omit} />
        </Stack>
      ))}
    </Stack>
  );
}
