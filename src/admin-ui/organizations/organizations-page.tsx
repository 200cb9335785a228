import { Alert, Anchor, Badge, Button, Grid, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { call } from '../api/client.js';
import { getOrganization, listOrganizationMembers } from '../api/generated/sdk.gen.js';
import { useCommands } from '../api/operations.js';
import { formatDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { useCanAct } from '../session/can-act.js';
import { AllowedCommands } from '../workflows/allowed-commands.js';
import { CommandForm } from '../workflows/command-form.js';
import { memberQuery } from '../workflows/member-picker.js';
import type { StreamView } from '../workflows/resources.js';
import { StateView } from '../workflows/state-view.js';
import { useOrganizations } from './organization-select.js';
import { OrganizationBodies, type EstablishedBody } from './organization-bodies.js';
import { OrganizationPlanningLists } from './organization-planning-lists.js';
import { OrganizationTree } from './organization-tree.js';

function MemberLink({ memberId }: { memberId: string }) {
  const { value } = useI18n();
  const member = useQuery(memberQuery(memberId));
  const record = member.data?.state.member as { fullName?: string | null } | undefined;
  return (
    <Anchor component={Link} to={`/members/${memberId}`}>
      {record?.fullName ?? memberId} {member.data ? `(${value(String(member.data.state.status))})` : ''}
    </Anchor>
  );
}

function OrganizationDetail({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const commands = useCommands();
  const canAct = useCanAct();
  const view = useQuery({
    queryKey: ['organization', organizationId],
    queryFn: async () => (await call(getOrganization({ path: { id: organizationId } }))) as StreamView,
  });
  const members = useQuery({
    queryKey: ['organization-members', organizationId],
    queryFn: () => call(listOrganizationMembers({ path: { id: organizationId } })),
  });
  if (view.isPending) return <Loader aria-label={t('common.loading')} />;
  if (view.isError)
    return (
      <Alert color="red" role="alert">
        {view.error.message}
      </Alert>
    );
  const organization = (view.data.state.organization ?? {}) as Record<string, unknown>;
  const found = commands.data?.get('foundOrganization');
  const admit = commands.data?.get('admitMember');
  const changed = () => queryClient.invalidateQueries();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {String(organization.name ?? organizationId)}
        </Title>
        <Group>
          <Button component={Link} to={`/organizations/${organizationId}/history`} variant="light">
            {t('org.history')}
          </Button>
          <Button component={Link} to={`/statistics?organizationId=${organizationId}`} variant="light">
            {t('nav.statistics')}
          </Button>
        </Group>
      </Group>
      <StateView state={organization} omit={['organizationId', 'parentId', 'predecessorIds', 'bodies']} />
      <OrganizationBodies bodies={(organization.bodies ?? []) as readonly EstablishedBody[]} />
      <Paper withBorder p="md">
        <Title order={2} size="h4">
          {t('org.members')}
        </Title>
        {members.data?.items.length === 0 && <Text>{t('org.noMembers')}</Text>}
        <List>
          {members.data?.items.map((member) => (
            <List.Item key={member.memberId}>
              <MemberLink memberId={member.memberId} />
              {member.joinedOn && (
                <Badge variant="light" ml="xs">
                  {t('history.joined', { date: formatDate(member.joinedOn) })}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      </Paper>
      <OrganizationPlanningLists organizationId={organizationId} />
      <AllowedCommands view={view.data} queryKey={['organization', organizationId]} />
      {view.data.state.status === 'active' && canAct && (
        <>
          {admit && <CommandForm key={`admit-${organizationId}`} command={admit} title={t('org.admit')} initial={{ organizationId }} onDone={changed} />}
          {found && (
            <CommandForm key={`found-${organizationId}`} command={found} title={t('org.found')} initial={{ parentId: organizationId }} onDone={changed} />
          )}
        </>
      )}
    </Stack>
  );
}

/** The organization tree beside the chosen organization: its bodies, members, history and the acts it accepts. */
export function OrganizationsPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const commands = useCommands();
  const queryClient = useQueryClient();
  const organizations = useOrganizations();
  const found = useCanAct() ? commands.data?.get('foundOrganization') : undefined;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="sm">
          <Title order={2} size="h4" mb="xs">
            {t('org.tree')}
          </Title>
          {organizations.isPending && <Loader aria-label={t('common.loading')} />}
          {organizations.data && <OrganizationTree organizations={organizations.data.items} selected={id} />}
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {id ? (
          <OrganizationDetail key={id} organizationId={id} />
        ) : organizations.data?.items.length === 0 && found ? (
          <CommandForm command={found} title={t('org.root')} onDone={() => queryClient.invalidateQueries({ queryKey: ['organizations'] })} />
        ) : (
          <>
            <Title order={1} size="h2">
              {t('nav.organizations')}
            </Title>
            <Text>{t('org.select')}</Text>
          </>
        )}
      </Grid.Col>
    </Grid>
  );
}
