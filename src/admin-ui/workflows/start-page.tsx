import { Alert, Button, Group, Loader, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useCommands } from '../api/operations.js';
import { useI18n } from '../i18n/i18n.js';
import { useCanAct } from '../session/can-act.js';
import { WorkList } from '../work/work-list.js';
import { CommandForm } from './command-form.js';
import { initialValues } from './initial-values.js';
import { isWorkflow, WORKFLOWS } from './resources.js';

/** A workflow's front page: its open files, opening one by id, and the form that starts a new one. */
export function StartPage() {
  const { workflow } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { t } = useI18n();
  const commands = useCommands();
  const [id, setId] = useState('');
  const canAct = useCanAct();
  if (!isWorkflow(workflow)) return <Alert color="red">{workflow}</Alert>;
  if (commands.isPending) return <Loader aria-label={t('common.loading')} />;
  const known = WORKFLOWS[workflow];
  const create = commands.data?.get(known.create);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t(known.title)}
      </Title>
      {(workflow === 'inspections' || workflow === 'discipline-cases') && <WorkList list={workflow} />}
      <Group
        align="flex-end"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (id.trim()) navigate(`/${workflow}/${id.trim()}`);
        }}
      >
        <TextInput label={t('open.byId')} value={id} onChange={(e) => setId(e.currentTarget.value)} w={380} />
        <Button type="submit" variant="default">
          {t('common.open')}
        </Button>
      </Group>
      {create && canAct && (
        <CommandForm
          key={search.toString()}
          command={create}
          title={t(known.start)}
          initial={initialValues(search)}
          onDone={(result) => navigate(`/${workflow}/${(result as { id: string }).id}`)}
        />
      )}
    </Stack>
  );
}
