import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { call } from '../api/client.js';
import { statutoryStatistics } from '../api/generated/sdk.gen.js';
import type { StatutoryReportDto } from '../api/generated/types.gen.js';
import { formatDate, todayIso } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { ReportQueryFields, useReportQuery } from './report-query-fields.js';
import './statutory-report-print.css';

type Section = StatutoryReportDto['sections'][number];

function SectionTable({ section }: { section: Section }) {
  const { t } = useI18n();
  return (
    <Table withTableBorder withColumnBorders fz="sm" className="statutory-section" aria-label={`${section.number}. ${section.title}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={56}>{t('stats.number')}</Table.Th>
          <Table.Th>{t('stats.content')}</Table.Th>
          {section.columns.map((column) => (
            <Table.Th key={column} ta="right">
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {section.rows.map((row) => (
          <Table.Tr key={row.number} data-row={`${section.number}.${row.number}`}>
            <Table.Td>{row.number}</Table.Td>
            <Table.Td pl={row.number.includes('.') ? 'lg' : undefined}>{row.label}</Table.Td>
            {row.values.map((value, index) => (
              <Table.Td key={section.columns[index]} ta="right">
                {value}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The statistics in the layout of the commissions' report form, on screen and printed (A4, without the navigation). */
export function StatutoryReportPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const requested = { organizationId: search.get('organizationId'), from: search.get('from'), to: search.get('to') };
  const { fields, query } = useReportQuery({
    organizationId: requested.organizationId,
    from: formatDate(requested.from) || `01/01/${todayIso().slice(0, 4)}`,
    to: formatDate(requested.to) || formatDate(todayIso()),
  });
  const period = requested.from && requested.to ? { from: requested.from, to: requested.to } : null;
  const report = useQuery({
    queryKey: ['statutory-statistics', requested],
    queryFn: () =>
      call(
        statutoryStatistics({ query: { ...period!, ...(requested.organizationId ? { organizationId: requested.organizationId } : {}) } }),
      ) as Promise<StatutoryReportDto>,
    enabled: period !== null,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = query();
    if (chosen) setSearch({ ...chosen });
  }

  const data = report.data;
  return (
    <Stack>
      <Title order={2} className="print-hidden">
        {t('stats.statutoryTitle')}
      </Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} className="print-hidden">
        <Group align="flex-end">
          <ReportQueryFields {...fields} />
          <Button type="submit">{t('stats.show')}</Button>
          <Button variant="default" onClick={() => window.print()} disabled={!data}>
            {t('stats.print')}
          </Button>
        </Group>
      </Paper>
      {report.isError && (
        <Alert color="red" role="alert">
          {report.error.message}
        </Alert>
      )}
      {data && (
        <Stack gap="sm" className="statutory-report" data-testid="statutory-report">
          <Title order={3} ta="center">
            {data.title}
          </Title>
          <Text ta="center" fw={600}>
            {data.organization?.name ?? t('stats.wholeTree')}
          </Text>
          <Text ta="center">{t('stats.period', { from: formatDate(data.period.from), to: formatDate(data.period.to) })}</Text>
          {data.sections.map((section) => (
            <Stack key={section.number} gap={4}>
              <Title order={5}>
                {section.number}. {section.title}
              </Title>
              <SectionTable section={section} />
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
