import { Group, MultiSelect, Select } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../api/client.js';
import { getMember, listOrganizationMembers } from '../api/generated/sdk.gen.js';
import { useI18n } from '../i18n/i18n.js';
import { OrganizationSelect } from '../organizations/organization-select.js';
import type { StreamView } from './resources.js';

/** A member's stream view, one cache entry per member for every screen that shows it. */
export const memberQuery = (memberId: string) => ({
  queryKey: ['member', memberId],
  queryFn: async () => (await call(getMember({ path: { id: memberId } }))) as StreamView,
});

interface MemberPickerProps {
  readonly label: string;
  readonly required: boolean;
  readonly error?: string;
  readonly description?: string;
  /** Several members (`teamMemberIds`), or one. */
  readonly multiple: boolean;
  readonly value: string | readonly string[] | undefined;
  onChange(value: string | string[] | undefined): void;
}

/** A member chosen by name: first the organization, then one (or several) of the members placed in it. */
export function MemberPicker({ label, required, error, description, multiple, value, onChange }: MemberPickerProps) {
  const { t } = useI18n();
  const chosen = (Array.isArray(value) ? value : value ? [value] : []) as string[];
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const first = useQuery({ ...memberQuery(chosen[0] ?? ''), enabled: organizationId === null && chosen.length > 0 });
  const placed = (first.data?.state.member as { organizationId?: string } | undefined)?.organizationId ?? null;
  const organization = organizationId ?? placed;
  const members = useQuery({
    queryKey: ['organization-members', organization],
    queryFn: () => call(listOrganizationMembers({ path: { id: organization! } })),
    enabled: organization !== null,
  });
  const named = useQueries({ queries: (members.data?.items ?? []).map((member) => memberQuery(member.memberId)) });
  const options = (members.data?.items ?? []).map((member, index) => {
    const record = named[index]?.data?.state.member as { fullName?: string | null } | undefined;
    return { value: member.memberId, label: record?.fullName ?? member.memberId };
  });
  return (
    <Group align="flex-start" grow>
      <OrganizationSelect
        label={t('member.pickOrganization', { field: label })}
        value={organization}
        onChange={(next) => {
          setOrganizationId(next);
          onChange(undefined);
        }}
      />
      {multiple ? (
        <MultiSelect
          label={label}
          description={description}
          required={required}
          error={error}
          searchable
          value={chosen}
          onChange={(next) => onChange(next.length ? next : undefined)}
          data={options}
        />
      ) : (
        <Select
          label={label}
          description={description}
          required={required}
          error={error}
          searchable
          value={chosen[0] ?? null}
          onChange={(next) => onChange(next ?? undefined)}
          data={options}
        />
      )}
    </Group>
  );
}
