import { Alert, Badge, Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { call } from '../api/client.js';
import { getMemberRecord } from '../api/generated/sdk.gen.js';
import { useI18n } from '../i18n/i18n.js';
import { AllowedCommands } from '../workflows/allowed-commands.js';
import { queryOf } from '../workflows/initial-values.js';
import { memberQuery } from '../workflows/member-picker.js';
import { StateView } from '../workflows/state-view.js';

/** A member: the record of admission and posts, the discipline record read model, and the acts the member's stream accepts. */
export function MemberPage() {
  const { id } = useParams();
  const { t, value } = useI18n();
  const view = useQuery(memberQuery(id!));
  const record = useQuery({ queryKey: ['member-record', id], queryFn: () => call(getMemberRecord({ path: { id: id! } })) });
  if (view.isPending) return <Loader aria-label={t('common.loading')} />;
  if (view.isError)
    return (
      <Alert color="red" role="alert">
        {view.error.message}
      </Alert>
    );
  const member = (view.data.state.member ?? {}) as Record<string, unknown>;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {String(member.fullName ?? t('member.title'))} <Badge variant="light">{value(String(view.data.state.status))}</Badge>
        </Title>
        <Group>
          <Button component={Link} to={`/inspections/new?${queryOf({ 'subject.kind': 'member', 'subject.memberId': view.data.id })}`} variant="light">
            {t('start.inspection')}
          </Button>
          <Button component={Link} to={`/discipline-cases/new?${queryOf({ 'subject.kind': 'member', 'subject.memberId': view.data.id })}`} variant="light">
            {t('start.case')}
          </Button>
        </Group>
      </Group>
      {view.data.personalDataWithheld && <Alert color="gray">{t('member.personalHidden')}</Alert>}
      <StateView state={member} omit={['memberId']} />
      {record.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            {t('member.record')}
          </Title>
          <StateView state={record.data as unknown as Record<string, unknown>} omit={['memberId']} />
        </Paper>
      )}
      <AllowedCommands view={view.data} queryKey={['member', id]} />
    </Stack>
  );
}
