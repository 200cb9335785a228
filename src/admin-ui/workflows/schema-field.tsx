import { ActionIcon, Button, Checkbox, Fieldset, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { Schema } from '../api/operations.js';
import { useI18n } from '../i18n/i18n.js';
import { OrganizationSelect } from '../organizations/organization-select.js';
import { isDate, type FormValue } from './body-from-form.js';
import { MemberPicker } from './member-picker.js';

const ORGANIZATION_FIELDS = new Set(['organizationId', 'parentId', 'toOrganizationId', 'successorId']);
const MEMBER_FIELDS = /(^m|M)emberIds?$/;

export interface FieldProps {
  readonly name: string;
  readonly path: string;
  readonly schema: Schema;
  readonly required: boolean;
  readonly value: FormValue;
  readonly errors: Readonly<Record<string, string>>;
  onChange(value: FormValue): void;
}

/** One input for one field of a request body, chosen by its schema; objects and lists nest. */
export function SchemaField({ name, path, schema, required, value, errors, onChange }: FieldProps) {
  const { field, value: valueLabel, t, language } = useI18n();
  const label = field(path);
  const error = errors[path];
  const description = language === 'en' ? schema.description : undefined;

  if (schema.type === 'object' || schema.properties) {
    const current = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, FormValue>;
    return (
      <Fieldset legend={label} aria-label={label}>
        {error && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-7)' }}>
            {error}
          </div>
        )}
        <Stack gap="xs">
          {Object.entries(schema.properties ?? {}).map(([child, property]) => (
            <SchemaField
              key={child}
              name={child}
              path={`${path}.${child}`}
              schema={property}
              // An optional object (a confidential case's body) may be left empty: its fields are required only with it.
              required={required && (schema.required?.includes(child) ?? false)}
              value={current[child]}
              errors={errors}
              onChange={(next) => onChange({ ...current, [child]: next })}
            />
          ))}
        </Stack>
      </Fieldset>
    );
  }
  if (schema.type === 'array' && (schema.items?.type === 'object' || schema.items?.properties)) {
    const rows = Array.isArray(value) ? value : [];
    return (
      <Fieldset legend={label} aria-label={label}>
        {error && (
          <div role="alert" style={{ color: 'var(--mantine-color-red-7)' }}>
            {error}
          </div>
        )}
        <Stack gap="xs">
          {rows.map((row, index) => (
            <Group key={index} align="flex-end" wrap="nowrap">
              <SchemaField
                name={`${name}`}
                path={`${path}.${index}`}
                schema={schema.items!}
                required
                value={row}
                errors={errors}
                onChange={(next) => onChange(rows.map((r, i) => (i === index ? next : r)))}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`${t('common.remove')} ${index + 1}`}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Button variant="light" size="xs" onClick={() => onChange([...rows, {}])} w="fit-content">
            {t('common.add')}: {label}
          </Button>
        </Stack>
      </Fieldset>
    );
  }
  if (MEMBER_FIELDS.test(name) && (schema.type === 'string' || schema.items?.type === 'string')) {
    return (
      <MemberPicker
        label={label}
        description={description}
        required={required}
        error={error}
        multiple={schema.type === 'array'}
        value={typeof value === 'string' || Array.isArray(value) ? (value as string | string[]) : undefined}
        onChange={onChange}
      />
    );
  }
  if (schema.type === 'array') {
    const text = Array.isArray(value) ? value.join(', ') : '';
    return (
      <TextInput
        label={label}
        description={description}
        required={required}
        error={error}
        value={text}
        onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value.split(',').map((item) => item.trim()))}
      />
    );
  }
  if (schema.enum) {
    return (
      <Select
        label={label}
        description={description}
        required={required}
        clearable={!required}
        error={error}
        value={typeof value === 'string' ? value : null}
        onChange={(next) => onChange(next ?? undefined)}
        data={schema.enum.map((option) => ({ value: option, label: valueLabel(option) }))}
      />
    );
  }
  if (schema.type === 'boolean') {
    return <Checkbox label={label} description={description} checked={value === true} error={error} onChange={(e) => onChange(e.currentTarget.checked)} />;
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    return (
      <NumberInput
        label={label}
        description={description}
        required={required}
        error={error}
        min={schema.minimum}
        max={schema.maximum}
        allowDecimal={false}
        value={typeof value === 'number' ? value : ''}
        onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
      />
    );
  }
  if (ORGANIZATION_FIELDS.has(name)) {
    return (
      <OrganizationSelect
        label={label}
        description={description}
        required={required}
        clearable
        error={error}
        value={typeof value === 'string' && value ? value : null}
        onChange={(next) => onChange(next ?? undefined)}
      />
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (isDate(schema)) {
    return (
      <TextInput
        label={label}
        description={description}
        required={required}
        error={error}
        placeholder={t('common.datePlaceholder')}
        value={text}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  const Input = (schema.maxLength ?? 0) > 200 ? Textarea : TextInput;
  return (
    <Input
      label={label}
      description={description}
      required={required}
      error={error}
      maxLength={schema.maxLength}
      value={text}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
