import { Paper, Table, Title } from '@mantine/core';
import { formatDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { ItemsTable } from '../layout/items-table.js';

export interface EstablishedBody {
  readonly bodyKind: string;
  readonly membersCount: number | null;
  readonly establishedOn: string;
}

/** The bodies an organization has elected (cấp ủy, ban thường vụ, ủy ban kiểm tra): what, how many, since when. */
export function OrganizationBodies({ bodies }: { bodies: readonly EstablishedBody[] }) {
  const { t, field, value } = useI18n();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {t('org.bodies')}
      </Title>
      <ItemsTable
        label={t('org.bodies')}
        headers={[field('bodyKind'), field('membersCount'), field('establishedOn')]}
        rows={bodies.map((body) => (
          <Table.Tr key={body.bodyKind}>
            <Table.Td>{value(body.bodyKind)}</Table.Td>
            <Table.Td>{body.membersCount ?? '—'}</Table.Td>
            <Table.Td>{formatDate(body.establishedOn)}</Table.Td>
          </Table.Tr>
        ))}
      />
    </Paper>
  );
}
