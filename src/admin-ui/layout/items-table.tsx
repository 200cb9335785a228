import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** A striped table of listed items under their headers, saying so when there are none. */
export function ItemsTable({ headers, rows, label }: { headers: readonly string[]; rows: readonly ReactNode[] | undefined; label?: string }) {
  const { t } = useI18n();
  return (
    <Table fz="sm" striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {headers.map((header) => (
            <Table.Th key={header}>{header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows}
        {rows?.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={headers.length}>{t('common.none')}</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}
