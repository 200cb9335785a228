import { Alert, Button, Code, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, call, send } from '../api/client.js';
import { createAuditCheckpoint, listAuditEvents, verifyAuditTrail } from '../api/generated/sdk.gen.js';
import { formatDate, formatDateTime, parseDate, todayIso } from '../dates.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { OrganizationSelect } from '../organizations/organization-select.js';
import { StreamLink } from '../workflows/stream-link.js';

interface Verification {
  readonly valid: boolean;
  readonly chains: {
    readonly streams: number;
    readonly events: number;
    readonly valid: boolean;
    readonly firstBroken?: { streamId: string; brokenAt: { streamVersion: number }; reason: string } | null;
  };
  readonly latestCheckpoint: { readonly checkpointId: string; readonly signature: { readonly valid: boolean } } | null;
}

function short(hash: string | null): string {
  return hash ? `${hash.slice(0, 12)}…` : '—';
}

function VerifyPanel() {
  const { t } = useI18n();
  const [result, setResult] = useState<Verification | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setMessage(error instanceof ApiProblem ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="md">
      <Group>
        <Button loading={busy} onClick={() => run(async () => setResult((await call(verifyAuditTrail())) as unknown as Verification))}>
          {t('audit.verify')}
        </Button>
        <Button
          variant="default"
          loading={busy}
          onClick={() =>
            run(async () => {
              await call(createAuditCheckpoint());
              setMessage(t('audit.checkpointMade'));
            })
          }
        >
          {t('audit.checkpoint')}
        </Button>
      </Group>
      {message && <Text mt="sm">{message}</Text>}
      {result && (
        <Alert
          mt="sm"
          color={result.valid ? 'green' : 'red'}
          role="status"
          title={result.valid ? t('audit.valid') : t('audit.broken')}
          data-testid="audit-verification"
        >
          <Text size="sm">
            {result.chains.streams} {t('audit.streams')}, {result.chains.events} {t('audit.events')}
          </Text>
          {result.chains.firstBroken && (
            <Text size="sm">
              {t('audit.firstBroken')}: {result.chains.firstBroken.streamId} v{result.chains.firstBroken.brokenAt.streamVersion} —{' '}
              {result.chains.firstBroken.reason}
            </Text>
          )}
          <Text size="sm">
            {t('audit.signature')}: {result.latestCheckpoint ? (result.latestCheckpoint.signature.valid ? '✓' : '✗') : t('audit.noCheckpoint')}
          </Text>
        </Alert>
      )}
    </Paper>
  );
}

function ExportPanel() {
  const { t } = useI18n();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [from, setFrom] = useState(`01/01/${todayIso().slice(0, 4)}`);
  const [to, setTo] = useState(formatDate(todayIso()));
  const [error, setError] = useState<string | null>(null);
  async function download() {
    const period = { from: parseDate(from), to: parseDate(to) };
    if (!organizationId || !period.from || !period.to) return setError(t('common.invalidDate'));
    try {
      const text = (await send('GET', `/api/v1/audit/export?${new URLSearchParams({ organizationId, from: period.from, to: period.to })}`)) as string;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
      link.download = `audit-${period.from}-${period.to}.jsonl`;
      link.click();
      URL.revokeObjectURL(link.href);
      setError(null);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  }
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t('audit.export')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('audit.exportHint')}
      </Text>
      <Group align="flex-end" mt="xs">
        <OrganizationSelect label={t('stats.organization')} w={300} value={organizationId} onChange={setOrganizationId} />
        <TextInput label={t('stats.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={130} />
        <TextInput label={t('stats.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={130} />
        <Button variant="default" onClick={download}>
          {t('audit.export')}
        </Button>
      </Group>
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}

const PAGE_SIZE = 25;
/**
 * The actors that are no account: the service itself (its first account, its process managers' follow-ups),
 * and a caller refused before signing in.
 */
const ACTOR_LABELS = { system: 'audit.systemActor', anonymous: 'audit.anonymousActor' } as const satisfies Record<string, MessageKey>;

function isLabelledActor(actor: string): actor is keyof typeof ACTOR_LABELS {
  return Object.hasOwn(ACTOR_LABELS, actor);
}

/** The audit trail as stored, with its hash chain, a verification of the whole store and an export for auditors. */
export function AuditPage() {
  const { t, event: eventName } = useI18n();
  // The cursors of the pages before this one: the trail pages in commit order by cursor, not by page number.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1);
  const events = useQuery({
    queryKey: ['audit-events', after],
    queryFn: () => call(listAuditEvents({ query: { ...(after ? { after } : {}), pageSize: PAGE_SIZE } })),
  });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.audit')}
      </Title>
      <VerifyPanel />
      <ExportPanel />
      <Title order={2} size="h3">
        {t('audit.trail')}
      </Title>
      {events.isPending && <Loader aria-label={t('common.loading')} />}
      {events.isError && (
        <Alert color="red" role="alert">
          {events.error.message}
        </Alert>
      )}
      {events.data && (
        <>
          <Table striped fz="xs" aria-label={t('audit.trail')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.event')}</Table.Th>
                <Table.Th>{t('audit.stream')}</Table.Th>
                <Table.Th>{t('audit.previous')}</Table.Th>
                <Table.Th>{t('audit.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.map((event) => (
                <Table.Tr key={event.eventId}>
                  <Table.Td>{event.globalPosition}</Table.Td>
                  <Table.Td>{formatDateTime(event.recordedAt)}</Table.Td>
                  <Table.Td>{isLabelledActor(event.actor) ? t(ACTOR_LABELS[event.actor]) : event.actor}</Table.Td>
                  <Table.Td title={event.type}>{eventName(event.type)}</Table.Td>
                  <Table.Td>
                    <StreamLink streamId={event.streamId} /> v{event.streamVersion}
                  </Table.Td>
                  <Table.Td>
                    <Code title={event.previousHash ?? ''}>{short(event.previousHash)}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Code title={event.hash}>{short(event.hash)}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button variant="default" size="xs" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t('audit.previousPage')}
            </Button>
            <Text size="sm">
              {cursors.length + 1} / {Math.max(1, Math.ceil(events.data.total / PAGE_SIZE))}
            </Text>
            <Button variant="default" size="xs" disabled={events.data.items.length < PAGE_SIZE} onClick={() => setCursors([...cursors, events.data.next])}>
              {t('audit.nextPage')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
