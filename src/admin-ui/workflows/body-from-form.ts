import { parseDate } from '../dates.js';
import type { Schema } from '../api/operations.js';

export type FormValue = string | number | boolean | undefined | FormValue[] | { [name: string]: FormValue };

export const isDate = (schema: Schema) => schema.type === 'string' && schema.format === 'date';

/**
 * The request body a form's values stand for: dates written dd/mm/yyyy become YYYY-MM-DD, empty inputs are
 * left out (the API names what is missing). Dates that are not days are reported per field instead.
 */
export function bodyFromForm(schema: Schema, value: FormValue, path: string, dateErrors: Record<string, true>): FormValue {
  if (schema.type === 'object' || schema.properties) {
    const source = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, FormValue>;
    const body: Record<string, FormValue> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const converted = bodyFromForm(property, source[name], path ? `${path}.${name}` : name, dateErrors);
      if (converted !== undefined) body[name] = converted;
    }
    return Object.keys(body).length === 0 && path !== '' ? undefined : body;
  }
  if (schema.type === 'array') {
    if (!Array.isArray(value)) return undefined;
    const items = value.map((item, index) => bodyFromForm(schema.items ?? {}, item, `${path}.${index}`, dateErrors)).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value === undefined || value === '') return undefined;
  if (isDate(schema)) {
    const iso = parseDate(String(value));
    if (iso === null) dateErrors[path] = true;
    return iso ?? undefined;
  }
  return value;
}
