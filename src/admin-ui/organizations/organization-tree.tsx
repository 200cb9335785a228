import { NavLink } from '@mantine/core';
import { Link } from 'react-router';
import type { DirectoryOrganizationDto } from '../api/generated/types.gen.js';
import { useI18n } from '../i18n/i18n.js';

function Branch({
  node,
  byParent,
  selected,
}: {
  node: DirectoryOrganizationDto;
  byParent: ReadonlyMap<string | null, DirectoryOrganizationDto[]>;
  selected: string | undefined;
}) {
  const { value } = useI18n();
  const children = byParent.get(node.organizationId) ?? [];
  return (
    <NavLink
      component={Link}
      to={`/organizations/${node.organizationId}`}
      label={node.name}
      description={value(node.level)}
      active={node.organizationId === selected}
      defaultOpened
      childrenOffset={16}
    >
      {children.length > 0 ? children.map((child) => <Branch key={child.organizationId} node={child} byParent={byParent} selected={selected} />) : undefined}
    </NavLink>
  );
}

/** The organizations the caller may see, each a link; parents open on their children. */
export function OrganizationTree({ organizations, selected }: { organizations: readonly DirectoryOrganizationDto[]; selected: string | undefined }) {
  const byParent = new Map<string | null, DirectoryOrganizationDto[]>();
  for (const organization of organizations) byParent.set(organization.parentId, [...(byParent.get(organization.parentId) ?? []), organization]);
  const { t } = useI18n();
  return (
    <nav aria-label={t('nav.organizationTree')}>
      {(byParent.get(null) ?? []).map((root) => (
        <Branch key={root.organizationId} node={root} byParent={byParent} selected={selected} />
      ))}
    </nav>
  );
}
