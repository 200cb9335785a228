import { Anchor, Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../api/client.js';
import { listOpenDisciplineCases, listOpenInspections } from '../api/generated/sdk.gen.js';
import { formatDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { ItemsTable } from '../layout/items-table.js';

const LISTS = {
  inspections: { title: 'work.inspections', fetch: () => call(listOpenInspections({ query: { pageSize: 50 } })) },
  'discipline-cases': { title: 'work.cases', fetch: () => call(listOpenDisciplineCases({ query: { pageSize: 50 } })) },
} as const;

/** Open inspections or cases, soonest due first, from the work-lists read model. */
export function WorkList({ list }: { list: keyof typeof LISTS }) {
  const { t, value } = useI18n();
  const items = useQuery({ queryKey: ['work-list', list], queryFn: LISTS[list].fetch });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t(LISTS[list].title)}
      </Title>
      <ItemsTable
        headers={[t('work.what'), t('common.state'), t('work.due')]}
        rows={items.data?.items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Td>
              <Anchor component={Link} to={`/${list}/${item.id}`}>
                {value(String(item.subject.kind ?? ''))} · {value(item.bodyKind)}
              </Anchor>
            </Table.Td>
            <Table.Td>{value(item.state)}</Table.Td>
            <Table.Td>
              {formatDate(item.dueOn)} {item.dueKind ? `(${value(item.dueKind)})` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      />
    </Paper>
  );
}
