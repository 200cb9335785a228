import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, MultiSelect, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { call } from '../api/client.js';
import { getOrganizationHistory } from '../api/generated/sdk.gen.js';
import type { GetOrganizationHistoryData } from '../api/generated/types.gen.js';
import { formatDate, formatDateTime, parseDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { StreamLink } from '../workflows/stream-link.js';
import { FieldValue } from '../workflows/state-view.js';

const KINDS = ['inspection', 'supervision', 'review', 'discipline', 'appeal', 'removal'] as const;
type Filter = NonNullable<GetOrganizationHistoryData['query']>;

/** An organization's history as a timeline: kinds, period, its subtree, and "as of" a day (replayed from the events). */
export function HistoryPage() {
  const { id } = useParams();
  const { t, value, field, event } = useI18n();
  const [kinds, setKinds] = useState<string[]>([]);
  const [subtree, setSubtree] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asOf, setAsOf] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>({ pageSize: 100 });
  const history = useQuery({
    queryKey: ['history', id, filter],
    queryFn: () => call(getOrganizationHistory({ path: { id: id! }, query: filter })),
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const days = { from: from ? parseDate(from) : undefined, to: to ? parseDate(to) : undefined, asOf: asOf ? parseDate(asOf) : undefined };
    if (Object.values(days).some((day) => day === null)) return setInvalid(t('common.invalidDate'));
    setInvalid(null);
    setFilter({
      pageSize: 100,
      subtree,
      ...(kinds.length > 0 ? { kind: kinds as Filter['kind'] } : {}),
      ...(days.from ? { from: days.from } : {}),
      ...(days.to ? { to: days.to } : {}),
      ...(days.asOf ? { asOf: days.asOf } : {}),
    });
  }

  return (
    <Stack>
      <Title order={1} size="h2">
        {t('history.title')}
      </Title>
      <Anchor component={Link} to={`/organizations/${id}`}>
        ← {t('nav.organizations')}
      </Anchor>
      <Paper withBorder p="md" component="form" onSubmit={apply}>
        <Group align="flex-end">
          <MultiSelect
            label={t('history.kinds')}
            data={KINDS.map((kind) => ({ value: kind, label: value(kind) }))}
            value={kinds}
            onChange={setKinds}
            w={300}
            clearable
          />
          <TextInput
            label={t('history.from')}
            placeholder={t('common.datePlaceholder')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            w={130}
          />
          <TextInput label={t('history.to')} placeholder={t('common.datePlaceholder')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={130} />
          <TextInput
            label={t('history.asOf')}
            placeholder={t('common.datePlaceholder')}
            value={asOf}
            onChange={(e) => setAsOf(e.currentTarget.value)}
            w={130}
            error={invalid}
          />
          <Checkbox label={t('history.subtree')} checked={subtree} onChange={(e) => setSubtree(e.currentTarget.checked)} mb={6} />
          <Button type="submit">{t('history.apply')}</Button>
        </Group>
      </Paper>
      {history.isPending && <Loader aria-label={t('common.loading')} />}
      {history.isError && (
        <Alert color="red" role="alert">
          {history.error.message}
        </Alert>
      )}
      {history.data?.items.length === 0 && <Text>{t('history.empty')}</Text>}
      {history.data && history.data.items.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} aria-label={t('history.title')}>
          {history.data.items.map((entry) => (
            <Timeline.Item
              key={`${entry.globalPosition}-${entry.organizationId}`}
              title={
                <Group gap="xs">
                  <Text fw={600}>{formatDate(entry.occurredAt)}</Text>
                  <Text>{value(entry.kind)}</Text>
                  <Text c="dimmed">{event(entry.eventType)}</Text>
                  {entry.joinedOn && <Badge variant="light">{t('history.joined', { date: formatDate(entry.joinedOn) })}</Badge>}
                </Group>
              }
            >
              <Group gap="md">
                {Object.entries(entry.summary)
                  .filter(([name]) => !name.endsWith('Id'))
                  .map(([name, summary]) => (
                    <Text size="sm" key={name}>
                      <Text span fw={500}>
                        {field(name)}:
                      </Text>{' '}
                      <FieldValue name={name} value={summary} />
                    </Text>
                  ))}
              </Group>
              <Text size="xs" c="dimmed">
                {t('history.recorded')} {formatDateTime(entry.recordedAt)} · <StreamLink streamId={entry.streamId} />
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {history.data && (
        <Text size="sm" c="dimmed" data-testid="history-count">
          {history.data.items.length} / {history.data.total}
        </Text>
      )}
    </Stack>
  );
}
