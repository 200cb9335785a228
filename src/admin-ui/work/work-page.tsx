import { Anchor, Badge, NumberInput, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../api/client.js';
import { listDeadlineAlerts } from '../api/generated/sdk.gen.js';
import { formatDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { ItemsTable } from '../layout/items-table.js';
import { linkOfStream } from '../workflows/resources.js';
import { WorkList } from './work-list.js';

/** What falls due: deadline alerts, open inspections and open cases. */
export function WorkPage() {
  const { t, value } = useI18n();
  const [within, setWithin] = useState(30);
  const alerts = useQuery({ queryKey: ['alerts', within], queryFn: () => call(listDeadlineAlerts({ query: { within, pageSize: 100 } })) });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.work')}
      </Title>
      <Paper withBorder p="md">
        <Title order={2} size="h4">
          {t('work.alerts')}
        </Title>
        <NumberInput label={t('work.within')} value={within} min={0} max={366} w={200} onChange={(next) => typeof next === 'number' && setWithin(next)} />
        <ItemsTable
          headers={[t('work.due'), t('work.what'), t('audit.stream')]}
          rows={alerts.data?.items.map((alert) => (
            <Table.Tr key={`${alert.streamId}-${alert.kind}`}>
              <Table.Td>
                {formatDate(alert.dueOn)} {alert.overdue && <Badge color="red">{t('work.overdue')}</Badge>}
              </Table.Td>
              <Table.Td>{value(alert.kind)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={linkOfStream(alert.streamId) ?? '/'}>
                  {value(alert.streamType)}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        />
      </Paper>
      <WorkList list="inspections" />
      <WorkList list="discipline-cases" />
    </Stack>
  );
}
