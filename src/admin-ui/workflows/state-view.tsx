import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../dates.js';
import type { Citation } from '../i18n/citation.js';
import { useI18n } from '../i18n/i18n.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCES: Record<string, string> = {
  memberId: '/members/',
  organizationId: '/organizations/',
  caseId: '/discipline-cases/',
  inspectionId: '/inspections/',
};

/** Fields that hold where a rule is written: shown as officers cite it, never as its parts. */
const CITATIONS = new Set(['citation', 'citations']);

function Value({ name, value }: { name: string; value: unknown }) {
  const { value: label, cite } = useI18n();
  if (value === null || value === undefined) return <>—</>;
  if (CITATIONS.has(name) && typeof value === 'object' && !Array.isArray(value)) return <>{cite(value as Citation)}</>;
  if (typeof value === 'boolean') return <>{value ? '✓' : '✗'}</>;
  if (typeof value === 'string') {
    if (DAY.test(value)) return <>{formatDate(value)}</>;
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
    return (
      <>
        {value.map((item, index) => (
          <div key={index}>
            <Value name={name} value={item} />
          </div>
        ))}
      </>
    );
  }
  if (typeof value === 'object') return <StateView state={value as Record<string, unknown>} nested />;
  return <>{String(value)}</>;
}

/** A stream's state as the domain folds it: every field labelled, dates as dd/MM/yyyy, references as links. */
export function StateView({ state, nested = false, omit = [] }: { state: Record<string, unknown>; nested?: boolean; omit?: readonly string[] }) {
  const { field } = useI18n();
  return (
    <Table withRowBorders={!nested} verticalSpacing={nested ? 0 : 'xs'} fz="sm">
      <Table.Tbody>
        {Object.entries(state)
          .filter(([name]) => !omit.includes(name))
          .map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th w={nested ? undefined : 220} style={{ verticalAlign: 'top', fontWeight: nested ? 500 : 600 }}>
                {field(name)}
              </Table.Th>
              <Table.Td>
                <Value name={name} value={value} />
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
