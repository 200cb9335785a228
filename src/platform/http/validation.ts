import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ValidationRule } from '../../shared/domain/refusals/validation-refusals.js';
import { RequestValidationError, type FieldViolation } from './problem.js';

/** The limits a DTO's decorator was given for a rule (`MaxLength(200)`: [200]), which its message names. */
function limitsOf(target: object | undefined, property: string, rule: string): Pick<FieldViolation, 'constraints' | 'each'> {
  if (!target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((candidate) => candidate.propertyName === property && (candidate.name ?? candidate.type) === rule);
  return metadata ? { constraints: metadata.constraints, each: metadata.each } : {};
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((rule) => ({
      field,
      // class-validator's rule names: the catalogue's spec holds every decorator the DTOs use to a wording.
      rule: rule as ValidationRule,
      ...limitsOf(error.target, error.property, rule),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Keys that reach an object's prototype when the body is copied into its DTO: copied, `__proto__` swaps the
 * prototype, and neither is an own enumerable field the whitelist would see. Refused at any depth.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function prototypeKeys(value: unknown, parent = ''): FieldViolation[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    const own: FieldViolation[] = PROTOTYPE_KEYS.has(key) ? [{ field, rule: 'notPrototypeKey' }] : [];
    return [...own, ...prototypeKeys((value as Record<string, unknown>)[key], field)];
  });
}

class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const refused = prototypeKeys(value);
    if (refused.length > 0) throw new RequestValidationError(refused);
    return super.transform(value, metadata);
  }
}

/** The one validation pipe: unknown fields and prototype keys refused, values transformed to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
