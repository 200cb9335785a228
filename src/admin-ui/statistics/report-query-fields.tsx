import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { parseDate } from '../dates.js';
import { useI18n } from '../i18n/i18n.js';
import { OrganizationSelect } from '../organizations/organization-select.js';

/** What a report is asked for, as the API takes it: the subtree's organization, if any, and the period (ISO days). */
export interface ReportQuery {
  readonly organizationId?: string;
  readonly from: string;
  readonly to: string;
}

interface ReportQueryFieldsProps {
  readonly organizationId: string | null;
  readonly onOrganizationChange: (organizationId: string | null) => void;
  readonly from: string;
  readonly onFromChange: (from: string) => void;
  readonly to: string;
  readonly onToChange: (to: string) => void;
  /** Why the period was refused, shown under its start. */
  readonly invalid: string | null;
}

/** What a report is asked for: the subtree's organization and the period, dd/MM/yyyy. */
export function ReportQueryFields({ organizationId, onOrganizationChange, from, onFromChange, to, onToChange, invalid }: ReportQueryFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      <OrganizationSelect label={t('stats.organization')} clearable w={320} value={organizationId} onChange={onOrganizationChange} />
      <TextInput
        label={t('stats.from')}
        placeholder={t('common.datePlaceholder')}
        value={from}
        onChange={(e) => onFromChange(e.currentTarget.value)}
        w={140}
        error={invalid}
      />
      <TextInput label={t('stats.to')} placeholder={t('common.datePlaceholder')} value={to} onChange={(e) => onToChange(e.currentTarget.value)} w={140} />
    </>
  );
}

/**
 * The organization and period of a report as the officer types them (dd/MM/yyyy): the fields' props, and
 * `query()`, which answers the query they make, or null after marking the period invalid.
 */
export function useReportQuery(initial: { organizationId: string | null; from: string; to: string }) {
  const { t } = useI18n();
  const [organizationId, setOrganizationId] = useState(initial.organizationId);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [invalid, setInvalid] = useState<string | null>(null);

  function query(): ReportQuery | null {
    const period = { from: parseDate(from), to: parseDate(to) };
    if (!period.from || !period.to) {
      setInvalid(t('common.invalidDate'));
      return null;
    }
    setInvalid(null);
    return { ...(organizationId ? { organizationId } : {}), from: period.from, to: period.to };
  }

  const fields: ReportQueryFieldsProps = {
    organizationId,
    onOrganizationChange: setOrganizationId,
    from,
    onFromChange: setFrom,
    to,
    onToChange: setTo,
    invalid,
  };
  return { fields, query };
}
