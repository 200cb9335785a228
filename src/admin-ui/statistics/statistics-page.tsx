import { BarChart } from '@mantine/charts';
import { Alert, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { call, send } from '../api/client.js';
import { disciplineStatistics } from '../api/generated/sdk.gen.js';
import type { DisciplineStatisticsDto } from '../api/generated/types.gen.js';
import { formatDate, todayIso } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { ReportQueryFields, useReportQuery, type ReportQuery } from './report-query-fields.js';

const FORMS = ['reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution'];

function leaves(value: unknown, path: string[] = []): { path: string[]; value: number }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
}

/** The statutory statistics of a subtree and period: figures, a chart of sanctions by form, CSV. */
export function StatisticsPage() {
  const { t, field, value } = useI18n();
  const [search] = useSearchParams();
  const year = todayIso().slice(0, 4);
  const { fields, query } = useReportQuery({ organizationId: search.get('organizationId'), from: `01/01/${year}`, to: formatDate(todayIso()) });
  const [request, setRequest] = useState<ReportQuery | null>(null);
  const report = useQuery({
    queryKey: ['statistics', request],
    queryFn: () => call(disciplineStatistics({ query: { ...request!, format: 'json' } })) as Promise<DisciplineStatisticsDto>,
    enabled: request !== null,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = query();
    if (chosen) setRequest(chosen);
  }

  async function downloadCsv() {
    if (!request) return;
    const csv = (await send('GET', `/api/v1/reports/discipline-statistics?${new URLSearchParams({ ...request, format: 'csv' })}`)) as string;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `thong-ke-ky-luat-${request.from}-${request.to}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  const data = report.data;
  const chart = data
    ? FORMS.map((form) => ({
        form: value(form),
        [field('members')]: data.sanctions.members.byForm[form] ?? 0,
        [field('organizations')]: data.sanctions.organizations.byForm[form] ?? 0,
      }))
    : [];
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('stats.title')}
      </Title>
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Group align="flex-end">
          <ReportQueryFields {...fields} />
          <Button type="submit">{t('stats.show')}</Button>
          <Button variant="default" onClick={downloadCsv} disabled={!data}>
            {t('stats.csv')}
          </Button>
          <Button variant="default" component={Link} to={`/statistics/statutory${request ? `?${new URLSearchParams({ ...request })}` : ''}`}>
            {t('stats.statutory')}
          </Button>
        </Group>
      </Paper>
      {report.isError && (
        <Alert color="red" role="alert">
          {report.error.message}
        </Alert>
      )}
      {data && (
        <>
          <Paper withBorder p="md">
            <Title order={2} size="h4">
              {t('stats.chart')}
            </Title>
            <BarChart
              h={260}
              data={chart}
              dataKey="form"
              series={[
                { name: field('members'), color: 'red.6' },
                { name: field('organizations'), color: 'blue.6' },
              ]}
              withLegend
              yAxisProps={{ allowDecimals: false }}
            />
          </Paper>
          <Table striped fz="sm" aria-label={t('stats.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stats.figure')}</Table.Th>
                <Table.Th>{t('stats.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {leaves({ inspections: data.inspections, supervisions: data.supervisions, sanctions: data.sanctions, removals: data.removals }).map((row) => (
                <Table.Tr key={row.path.join('.')}>
                  <Table.Td>{row.path.map((key) => (FORMS.includes(key) || key.includes('-') ? value(key) : field(key))).join(' — ')}</Table.Td>
                  <Table.Td data-figure={row.path.join('.')}>{row.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
