import { Badge, Paper, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client.js';
import { getDisciplineCaseDeadlines } from '../api/generated/sdk.gen.js';
import { formatDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';

/** The open deadlines of a case and its appeals, each with the rule it comes from. */
export function CaseDeadlines({ caseId, version }: { caseId: string; version: number }) {
  const { t, value, cite } = useI18n();
  const deadlines = useQuery({
    queryKey: ['case-deadlines', caseId, version],
    queryFn: () => call(getDisciplineCaseDeadlines({ path: { id: caseId } })),
  });
  if (!deadlines.data || deadlines.data.deadlines.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5">
        {t('deadlines.title')}
      </Title>
      <Table fz="sm">
        <Table.Tbody>
          {deadlines.data.deadlines.map((deadline) => (
            <Table.Tr key={`${deadline.kind}-${deadline.appealId ?? ''}`}>
              <Table.Td>{value(deadline.kind)}</Table.Td>
              <Table.Td>{formatDate(deadline.dueOn)}</Table.Td>
              <Table.Td>
                {cite(deadline.citation)}
                {!deadline.confirmed && (
                  <Badge ml="xs" color="yellow" variant="light">
                    ?
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
