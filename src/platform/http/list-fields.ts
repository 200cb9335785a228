import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsOptional, ValidateNested } from 'class-validator';

const MAX_ITEMS = 20;

/** A list of nested objects, each validated by its class (the field names in errors carry the index). */
export function NestedListField(type: () => new () => object, options: { description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: () => [type()], maxItems: MAX_ITEMS, ...options }),
    IsDefined(),
    IsArray(),
    ArrayMaxSize(MAX_ITEMS),
    ValidateNested({ each: true }),
    Type(type),
  );
}

/** An optional list of values from a closed set; absent means none. */
export function EnumListField<T extends string>(values: readonly T[], example: T[], options: { description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: [...values], isArray: true, example, maxItems: values.length, ...options }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(values.length),
    IsIn([...values], { each: true }),
  );
}
