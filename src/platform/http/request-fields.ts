import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import type { ValidationRule } from '../../shared/domain/refusals/validation-refusals.js';

/**
 * One decorator per kind of request field: validation and its OpenAPI description (with an example) stay
 * together, so that every DTO refuses the same things in the same words.
 */
interface FieldOptions {
  readonly description?: string;
  readonly optional?: boolean;
  /** Required when this holds of the request, ignored otherwise (a field of one variant of a union). */
  readonly when?: (request: Readonly<Record<string, unknown>>) => boolean;
}

const NOT_BLANK = /\S/;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** No lone surrogate (not valid Unicode: no canonical hash) and no NUL (PostgreSQL cannot store it). */
function storable(value: string): boolean {
  return !LONE_SURROGATE.test(value) && !value.includes('\u0000');
}
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const TEXT_MAX_LENGTH = 4000;
export const SHORT_TEXT_MAX_LENGTH = 200;

function IsStorableText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isStorableText', validator: { validate: (value: unknown) => typeof value !== 'string' || storable(value) } }, options);
}

/** A string that `pattern` matches, refused under `rule`, whose message the refusals' catalogue words in each language. */
export function MatchesRule(rule: ValidationRule, pattern: RegExp, options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: rule, validator: { validate: (value: unknown) => typeof value === 'string' && pattern.test(value) } }, options);
}

function field(schema: ApiPropertyOptions, options: FieldOptions, ...validators: PropertyDecorator[]): PropertyDecorator {
  const documented = { ...schema, ...(options.description ? { description: options.description } : {}) };
  const presence = options.when ? [ValidateIf(options.when), IsDefined()] : options.optional ? [IsOptional()] : [IsDefined()];
  return applyDecorators(options.optional || options.when ? ApiPropertyOptional(documented) : ApiProperty(documented), ...presence, ...validators);
}

/** A legal date: a real calendar day written YYYY-MM-DD (ISO 8601). */
export function DateField(example: string, options: FieldOptions = {}): PropertyDecorator {
  return field({ type: String, format: 'date', example }, options, IsString(), MatchesRule('isDay', DATE_ONLY), IsISO8601({ strict: true }));
}

/** Text that must say something: not blank, not longer than `maxLength`. */
export function TextField(example: string, options: FieldOptions & { maxLength?: number } = {}): PropertyDecorator {
  const maxLength = options.maxLength ?? TEXT_MAX_LENGTH;
  return field({ type: String, example, maxLength }, options, IsString(), MatchesRule('isNotBlank', NOT_BLANK), IsStorableText(), MaxLength(maxLength));
}

export function TextListField(example: string[], options: FieldOptions & { maxItems?: number } = {}): PropertyDecorator {
  return field(
    { type: [String], example, maxItems: options.maxItems ?? 50 },
    options,
    IsArray(),
    ArrayMaxSize(options.maxItems ?? 50),
    IsString({ each: true }),
    MatchesRule('isNotBlank', NOT_BLANK, { each: true }),
    IsStorableText({ each: true }),
    MaxLength(TEXT_MAX_LENGTH, { each: true }),
  );
}

export function UuidField(example: string, options: FieldOptions = {}): PropertyDecorator {
  return field({ type: String, format: 'uuid', example }, options, IsUUID());
}

export function UuidListField(example: string[], options: FieldOptions & { minItems?: number; maxItems?: number } = {}): PropertyDecorator {
  const minItems = options.minItems ?? 0;
  const maxItems = options.maxItems ?? 50;
  return field(
    { type: [String], format: 'uuid', example, minItems, maxItems },
    options,
    IsArray(),
    ArrayMinSize(minItems),
    ArrayMaxSize(maxItems),
    IsUUID(undefined, { each: true }),
  );
}

export function EnumField<T extends string>(values: readonly T[], example: T, options: FieldOptions = {}): PropertyDecorator {
  return field({ enum: [...values], example }, options, IsIn([...values]));
}

export function IntField(example: number, options: FieldOptions & { min: number; max: number }): PropertyDecorator {
  return field({ type: Number, example, minimum: options.min, maximum: options.max }, options, IsInt(), Min(options.min), Max(options.max));
}

export function BooleanField(example: boolean, options: FieldOptions = {}): PropertyDecorator {
  return field({ type: Boolean, example }, options, IsBoolean());
}

/** A nested object, validated by its own class (and its own examples in the OpenAPI document). */
export function NestedField(type: () => new () => object, options: FieldOptions = {}): PropertyDecorator {
  // Swagger recognizes a lazy type only by a function named `type`, as an arrow in `{ type: () => … }` is.
  return field({ type: () => type() }, options, IsObject(), ValidateNested(), Type(type));
}
