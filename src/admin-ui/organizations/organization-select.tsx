import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/client.js';
import { listOrganizations } from '../api/generated/sdk.gen.js';

/** The organizations the caller may see, cached once for every screen that lists or picks them. */
export function useOrganizations() {
  return useQuery({ queryKey: ['organizations'], queryFn: () => call(listOrganizations()) });
}

/** An organization picked by name, searching as one types. */
export function OrganizationSelect(props: Omit<SelectProps, 'data' | 'searchable'>) {
  const organizations = useOrganizations();
  return <Select {...props} searchable data={(organizations.data?.items ?? []).map((o) => ({ value: o.organizationId, label: o.name }))} />;
}
