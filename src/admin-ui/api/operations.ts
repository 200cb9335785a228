import { useQuery } from '@tanstack/react-query';
import { send } from './client.js';

/** The parts of JSON Schema (OpenAPI 3.0) the API's request bodies use. */
export interface Schema {
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly description?: string;
  readonly example?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
}

interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, Schema>> };
}

interface OperationObject {
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> };
}

/** A command of the API, found by the operation id a stream view lists in `allowedCommands`. */
export interface Command {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly summary: string;
  readonly schema: Schema;
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const target = document.components.schemas[schema.$ref.split('/').pop()!];
    return target ? resolve(document, target) : {};
  }
  if (schema.allOf?.length === 1) return resolve(document, { ...schema.allOf[0]!, description: schema.description ?? schema.allOf[0]!.description });
  return {
    ...schema,
    properties: schema.properties && Object.fromEntries(Object.entries(schema.properties).map(([name, property]) => [name, resolve(document, property)])),
    items: schema.items && resolve(document, schema.items),
  };
}

export function commandsOf(document: OpenApiDocument): ReadonlyMap<string, Command> {
  const commands = new Map<string, Command>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (method !== 'post' || !operation.operationId) continue;
      const body = operation.requestBody?.content?.['application/json']?.schema;
      commands.set(operation.operationId, {
        operationId: operation.operationId,
        method: 'POST',
        path,
        summary: operation.summary ?? operation.operationId,
        schema: body ? resolve(document, body) : { type: 'object', properties: {} },
      });
    }
  }
  return commands;
}

/** Every command of the running service, from its OpenAPI document (fetched once per session). */
export function useCommands() {
  return useQuery({
    queryKey: ['openapi-commands'],
    queryFn: async () => commandsOf((await send('GET', '/api/docs-json')) as OpenApiDocument),
    staleTime: Infinity,
  });
}
