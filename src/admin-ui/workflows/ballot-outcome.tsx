import { Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';

export interface RecordedBallot {
  readonly ballot: { readonly stage: string; readonly heldOn: string; readonly fullMembers: number; readonly present: number };
  readonly tally: {
    readonly counted: number;
    readonly excluded: number;
    readonly outcome: string | null;
    readonly byCumulativeCount: boolean;
    readonly ruleVersion: string;
    readonly citation: { readonly document: string; readonly article: string };
    readonly steps: readonly {
      readonly form: string;
      readonly votes: number;
      readonly runningTotal: number;
      readonly required: number;
      readonly reached: boolean;
      readonly threshold: { readonly comparison: string; readonly numerator: number; readonly denominator: number };
    }[];
  };
}

/** The rulebook's count of a ballot, step by step: harshest form first, votes added down (cộng dồn). */
export function BallotOutcome({ recorded }: { recorded: RecordedBallot }) {
  const { t, value, cite } = useI18n();
  const { ballot, tally } = recorded;
  const share = (threshold: RecordedBallot['tally']['steps'][number]['threshold']) =>
    threshold.comparison === 'more-than' && threshold.numerator * 2 === threshold.denominator
      ? t('ballot.moreThanHalf')
      : `${threshold.comparison === 'more-than' ? '>' : t('ballot.atLeast')} ${threshold.numerator}/${threshold.denominator}`;
  return (
    <Paper withBorder p="md" aria-label={t('ballot.title')}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('ballot.title')}: {value(ballot.stage)}, {formatDate(ballot.heldOn)}
        </Title>
        <Text size="sm">
          {t('ballot.counted')}: {tally.counted} ({ballot.fullMembers} − {tally.excluded} {t('ballot.excluded')})
        </Text>
        <List size="sm">
          {tally.steps.map((step) => (
            <List.Item key={step.form}>
              {t('ballot.step', {
                form: value(step.form),
                votes: step.votes,
                total: step.runningTotal,
                required: step.required,
                threshold: share(step.threshold),
                counted: tally.counted,
              })}{' '}
              <Badge color={step.reached ? 'green' : 'gray'} variant="light">
                {step.reached ? t('ballot.reached') : t('ballot.notReached')}
              </Badge>
            </List.Item>
          ))}
        </List>
        <Text fw={700} data-testid="ballot-outcome">
          {t('ballot.outcome')}: {tally.outcome ? value(tally.outcome) : t('ballot.noOutcome')}
        </Text>
        {tally.byCumulativeCount && <Text size="sm">{t('ballot.cumulative')}</Text>}
        <Text size="xs" c="dimmed">
          {t('ballot.rule')}: {cite(tally.citation)} ({tally.ruleVersion})
        </Text>
      </Stack>
    </Paper>
  );
}
