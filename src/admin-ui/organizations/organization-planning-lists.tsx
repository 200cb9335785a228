import { Anchor, Button, Group, List, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { call } from '../api/client.js';
import { listPlanningLists } from '../api/generated/sdk.gen.js';
import { useI18n } from '../i18n/i18n.js';
import { useCanAct } from '../session/can-act.js';
import { queryOf } from '../workflows/initial-values.js';

type PlanningList = { readonly target: string; readonly term: { readonly fromYear: number; readonly toYear: number } };

/** The organization's cadre planning lists, each opening its page, and the way to approve another. */
export function OrganizationPlanningLists({ organizationId }: { organizationId: string }) {
  const { t, value } = useI18n();
  const canAct = useCanAct();
  const lists = useQuery({ queryKey: ['planning-lists', organizationId], queryFn: () => call(listPlanningLists({ path: { id: organizationId } })) });
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('nav.planning')}
        </Title>
        {canAct && (
          <Button component={Link} to={`/planning-lists/new?${queryOf({ organizationId })}`} variant="light" size="xs">
            {t('start.planning')}
          </Button>
        )}
      </Group>
      {lists.data?.items.length === 0 && <Text>{t('org.noPlanningLists')}</Text>}
      <List>
        {lists.data?.items.map((view) => {
          const list = (view.state as { list: PlanningList }).list;
          return (
            <List.Item key={view.id}>
              <Anchor component={Link} to={`/planning-lists/${view.id}`}>
                {value(list.target)} {list.term.fromYear}–{list.term.toYear}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
