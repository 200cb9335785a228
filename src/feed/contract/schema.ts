/**
 * A small schema language for the public events: each schema is at once a JSON Schema (what the published
 * contract says), a checker (what the tests hold the mapping to) and a TypeScript type (what the mapping
 * must return), so the three cannot say different things.
 */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface Schema<T> {
  readonly json: JsonSchema;
  /** The ways `value` breaks the schema, each naming its path; none when it conforms. */
  check(value: unknown, path: string): string[];
  /** Carries the type only; never set. */
  readonly type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function describe(json: JsonSchema, description: string | undefined): JsonSchema {
  return description === undefined ? json : { ...json, description };
}

export function identifier(description?: string): Schema<string> {
  return {
    json: describe({ type: 'string', minLength: 1 }, description),
    check: (value, path) => (typeof value === 'string' && value.length > 0 ? [] : [`${path} must be a non-empty string`]),
  };
}

export function text(description?: string): Schema<string> {
  return {
    json: describe({ type: 'string' }, description),
    check: (value, path) => (typeof value === 'string' ? [] : [`${path} must be a string`]),
  };
}

/** A calendar day, YYYY-MM-DD: the legal date of an act. */
export function day(description?: string): Schema<string> {
  return {
    json: describe({ type: 'string', format: 'date' }, description),
    check: (value, path) => (typeof value === 'string' && DAY.test(value) ? [] : [`${path} must be a date written YYYY-MM-DD`]),
  };
}

export function oneOf<const T extends string>(values: readonly T[], description?: string): Schema<T> {
  return {
    json: describe({ type: 'string', enum: [...values] }, description),
    check: (value, path) => ((values as readonly unknown[]).includes(value) ? [] : [`${path} must be one of ${values.join(', ')}`]),
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  const { description, ...inner } = schema.json;
  return {
    json: { ...(description === undefined ? {} : { description }), oneOf: [inner, { type: 'null' }] },
    check: (value, path) => (value === null ? [] : schema.check(value, path)),
  };
}

type Shape = Readonly<Record<string, Schema<unknown>>>;
type ObjectOf<S extends Shape> = { readonly [K in keyof S]: Infer<S[K]> };

/** Every property required, no other property allowed: a field the contract does not name never leaves. */
export function object<S extends Shape>(shape: S, description?: string): Schema<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return {
    json: describe(
      {
        type: 'object',
        properties: Object.fromEntries(keys.map((key) => [key, shape[key]!.json])),
        required: keys,
        additionalProperties: false,
      },
      description,
    ),
    check(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path} must be an object`];
      const record = value as Record<string, unknown>;
      const unknown = Object.keys(record)
        .filter((key) => !keys.includes(key))
        .map((key) => `${path}.${key} is not in the contract`);
      return [...unknown, ...keys.flatMap((key) => (key in record ? shape[key]!.check(record[key], `${path}.${key}`) : [`${path}.${key} is missing`]))];
    },
  };
}

/** One of several object shapes told apart by their `kind`. */
export function variants<T>(schemas: readonly Schema<T>[], description?: string): Schema<T> {
  return {
    json: describe({ oneOf: schemas.map((schema) => schema.json) }, description),
    check(value, path) {
      const failures = schemas.map((schema) => schema.check(value, path));
      return failures.some((failure) => failure.length === 0) ? [] : [`${path} matches none of its variants: ${failures.flat().join('; ')}`];
    },
  };
}
