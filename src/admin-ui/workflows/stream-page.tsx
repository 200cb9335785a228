import { Alert, Anchor, Badge, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { call } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { BallotOutcome, type RecordedBallot } from './ballot-outcome.js';
import { AllowedCommands } from './allowed-commands.js';
import { CaseDeadlines } from './case-deadlines.js';
import { queryOf } from './initial-values.js';
import { isWorkflow, WORKFLOWS, type StreamView } from './resources.js';
import { StateView } from './state-view.js';

interface CaseState {
  readonly status: string;
  readonly file?: {
    readonly subject: { readonly kind: string; readonly memberId?: string; readonly organizationId?: string };
    readonly ballots: readonly RecordedBallot[];
  };
}

/** The appeal form's values for a decision in effect: the case and its subject as the appellant. */
function appealLink(view: StreamView): Record<string, string> | null {
  const state = view.state as unknown as CaseState;
  if (state.status !== 'in-effect' || !state.file) return null;
  const subject = state.file.subject;
  return {
    caseId: view.id,
    'appellant.kind': subject.kind,
    ...(subject.memberId ? { 'appellant.memberId': subject.memberId } : {}),
    ...(subject.organizationId && subject.kind === 'organization' ? { 'appellant.organizationId': subject.organizationId } : {}),
  };
}

/** The case form's values for an inspection whose conclusion proposed discipline; null for any other. */
function inspectionCaseLink(view: StreamView): Record<string, string> | null {
  const state = view.state as { proposal?: { subject?: Record<string, string> }; conclusion?: { proposeDiscipline?: boolean } };
  if (state.conclusion?.proposeDiscipline !== true) return null;
  const subject = state.proposal?.subject ?? {};
  return { inspectionId: view.id, ...Object.fromEntries(Object.entries(subject).map(([name, value]) => [`subject.${name}`, value])) };
}

/** One inspection, supervision, case, appeal or review: its state, and each step it accepts now as a form. */
export function StreamPage() {
  const { workflow, id } = useParams();
  const { t, value } = useI18n();
  const known = isWorkflow(workflow) ? WORKFLOWS[workflow] : undefined;
  const view = useQuery({
    queryKey: ['stream', workflow, id],
    queryFn: async () => (await call(known!.get({ path: { id: id! } }))) as StreamView,
    enabled: known !== undefined && id !== undefined,
  });
  if (!known) return <Alert color="red">{workflow}</Alert>;
  if (view.isPending) return <Loader aria-label={t('common.loading')} />;
  if (view.isError)
    return (
      <Alert color="red" role="alert">
        {view.error.message}
      </Alert>
    );

  const current = view.data;
  const status = String(current.state.status ?? '');
  const caseState = workflow === 'discipline-cases' ? (current.state as unknown as CaseState) : undefined;
  const appeal = workflow === 'discipline-cases' ? appealLink(current) : null;
  const disciplineCase = workflow === 'inspections' ? inspectionCaseLink(current) : null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t(known.title)}{' '}
          <Badge size="lg" variant="light" data-testid="stream-status">
            {value(status)}
          </Badge>
        </Title>
        <Text size="sm" c="dimmed" data-testid="stream-version">
          {t('common.version')} {current.version} · <Code>{current.id}</Code>
        </Text>
      </Group>
      {caseState?.file?.ballots.map((recorded, index) => (
        <BallotOutcome key={index} recorded={recorded} />
      ))}
      {workflow === 'discipline-cases' && <CaseDeadlines caseId={current.id} version={current.version} />}
      {appeal && (
        <Button component={Link} to={`/appeals/new?${queryOf(appeal)}`} variant="light" w="fit-content">
          {t('start.appeal')}
        </Button>
      )}
      <AllowedCommands view={current} queryKey={['stream', workflow, id]} />
      <Title order={2} size="h3">
        {t('stream.details')}
      </Title>
      <StateView state={current.state} omit={['status', 'ballots']} />
      {disciplineCase && (
        <Anchor component={Link} to={`/discipline-cases/new?${queryOf(disciplineCase)}`}>
          {t('start.case')}
        </Anchor>
      )}
    </Stack>
  );
}
