import { Alert, Badge, Code, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { call } from '../api/client.js';
import { getFeedStatus, getPublisherStatus, listProjections } from '../api/generated/sdk.gen.js';
import type { ProjectionStatusDto } from '../api/generated/types.gen.js';
import { formatDateTime } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { ItemsTable } from '../layout/items-table.js';

/** The runners move on by themselves: the screen asks again while it is shown. */
const REFRESH_MS = 5_000;

/** What the projections' and the publisher's runners both report. */
type Runner = Pick<ProjectionStatusDto, 'status' | 'error'>;

const STATUS_COLORS: Readonly<Record<Runner['status'], string>> = {
  live: 'green',
  'catching-up': 'blue',
  rebuilding: 'blue',
  standby: 'gray',
  stopped: 'gray',
  'needs-rebuild': 'red',
  failing: 'red',
};

function Section({ title, query, children }: { title: string; query: UseQueryResult; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {title}
      </Title>
      {query.isPending && <Loader aria-label={t('common.loading')} />}
      {query.isError && (
        <Alert color="red" role="alert">
          {query.error.message}
        </Alert>
      )}
      {children}
    </Paper>
  );
}

/** A runner's status, and why it fails while it does. */
function RunnerStatus({ runner }: { runner: Runner }) {
  const { value } = useI18n();
  return (
    <>
      <Badge variant="light" color={STATUS_COLORS[runner.status]}>
        {value(runner.status)}
      </Badge>
      {runner.error && (
        <Text size="xs" c="red">
          {runner.error}
        </Text>
      )}
    </>
  );
}

/** For administrators and auditors: the read models and process managers, the publisher's targets and the public feed, each with how far behind it is. */
export function SystemStatusPage() {
  const { t, value } = useI18n();
  const refresh = { refetchInterval: REFRESH_MS };
  const projections = useQuery({ queryKey: ['projections'], queryFn: () => call(listProjections()), ...refresh });
  const publisher = useQuery({ queryKey: ['publisher-status'], queryFn: () => call(getPublisherStatus()), ...refresh });
  const feed = useQuery({ queryKey: ['feed-status'], queryFn: () => call(getFeedStatus()), ...refresh });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.system')}
      </Title>
      <Section title={t('system.projections')} query={projections}>
        <ItemsTable
          label={t('system.projections')}
          headers={[t('system.name'), t('system.kind'), t('common.state'), t('common.version'), t('system.lag')]}
          rows={projections.data?.map((projection) => (
            <Table.Tr key={projection.name}>
              <Table.Td>
                <Code>{projection.name}</Code>
              </Table.Td>
              <Table.Td>{value(projection.kind)}</Table.Td>
              <Table.Td>
                <RunnerStatus runner={projection} />
              </Table.Td>
              <Table.Td>{projection.version}</Table.Td>
              <Table.Td>{projection.lag}</Table.Td>
            </Table.Tr>
          ))}
        />
      </Section>
      <Section title={t('system.publisher')} query={publisher}>
        {publisher.data?.publishing === false && <Text>{t('system.notPublishing')}</Text>}
        {publisher.data?.publishing && (
          <ItemsTable
            label={t('system.publisher')}
            headers={[t('system.target'), t('common.state'), t('system.notPassed'), t('system.lagSeconds')]}
            rows={publisher.data.targets.map((target) => (
              <Table.Tr key={target.name}>
                <Table.Td>
                  <Code>{target.name}</Code>
                </Table.Td>
                <Table.Td>
                  <RunnerStatus runner={target} />
                </Table.Td>
                <Table.Td>{target.lag}</Table.Td>
                <Table.Td>{Math.round(target.lagSeconds)}</Table.Td>
              </Table.Tr>
            ))}
          />
        )}
      </Section>
      <Section title={t('system.feed')} query={feed}>
        {feed.data && (
          <ItemsTable
            label={t('system.feed')}
            headers={[t('system.head'), t('system.headRecorded'), t('system.liveConnections')]}
            rows={[
              <Table.Tr key="feed">
                <Table.Td>{feed.data.head?.globalPosition ?? t('system.emptyStore')}</Table.Td>
                <Table.Td>{feed.data.head ? formatDateTime(feed.data.head.recordedAt) : ''}</Table.Td>
                <Table.Td>{feed.data.liveConnections}</Table.Td>
              </Table.Tr>,
            ]}
          />
        )}
      </Section>
    </Stack>
  );
}
