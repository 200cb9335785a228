import { TextInput } from '@mantine/core';
import { useI18n } from '../i18n/i18n.js';
import { OrganizationSelect } from '../organizations/organization-select.js';

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
