import { applyDecorators, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Allow, ANY_ROLE, OFFICER_ROLES } from '../../shared/access/policy.js';
import type { Role } from '../../shared/access/principal.js';
import { MAX_BODY_DEPTH } from './body-depth.js';
import { PROBLEM_CONTENT_TYPE, RequestValidationError } from './problem.js';

/** The problem document (RFC 9457) as the OpenAPI document shows it. */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:disciplina:problem:invalid-transition' }) type!: string;
  @ApiProperty({ example: 'Not allowed in the current state' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ description: 'Stable, machine-readable', example: 'invalid-transition' }) code!: string;
  @ApiProperty({ example: 'closeInspection is not allowed in state proposed; allowed: decideInspection' }) detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/inspections/0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60/close' }) instance?: string;
  @ApiPropertyOptional({ example: 'a1b2c3' }) requestId?: string;
  @ApiPropertyOptional({
    description: '400 validation-failed (and malformed-json): one entry per broken rule; the field "" is the body itself',
    example: [{ field: 'decidedOn', rule: 'isDay', message: 'decidedOn must be a date written YYYY-MM-DD' }],
  })
  errors?: { field: string; rule: string; message: string }[];
  @ApiPropertyOptional({ description: '409 concurrency-conflict: the version now stored; read it again and retry', example: 4 })
  currentVersion?: number;
  @ApiPropertyOptional({
    description: '409 invalid-transition: current state and allowed commands; 422: the field, rule or computation behind the refusal',
    example: { command: 'closeInspection', currentState: 'proposed', allowedCommands: ['decideInspection'] },
  })
  details?: Record<string, unknown>;
}

/** A stream's current state; its `version` is also the ETag to send back as If-Match. */
export class StreamViewResponse {
  @ApiProperty({ example: '0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60' }) id!: string;
  @ApiProperty({ description: 'Stream version, also sent as the ETag', example: 3 }) version!: number;
  @ApiProperty({ description: 'The current state, as the domain folds it from the events', example: { status: 'decided' } })
  state!: Record<string, unknown>;
  @ApiProperty({ description: 'The commands (operation ids) the current state accepts', example: ['sendOutline'] })
  allowedCommands!: string[];
  @ApiPropertyOptional({
    description:
      'Present (true) when the state’s personal fields (a member’s name and birth date) are null in this answer: command answers never carry them, ' +
      'and GET shows them only to an administrator or discipline officer whose grants reach the member',
    example: true,
  })
  personalDataWithheld?: boolean;
}

const PROBLEMS = {
  401: 'unauthenticated: no valid bearer token (POST /api/v1/auth/login gives one)',
  403: 'forbidden: the token holds none of the roles this operation allows',
  400: `validation-failed: the request is malformed; \`errors\` lists every field (body-too-deep: the body nests objects and arrays more than ${MAX_BODY_DEPTH} levels deep)`,
  404: 'not-found: no such resource',
  409: 'invalid-transition (the state does not allow the command; `details` names the state and allowed commands) or concurrency-conflict (stale If-Match; `currentVersion`)',
  422: 'refused by a rule, invalid-input, or unknown-reference (a referenced record does not exist); `details` says which',
} as const;
type ProblemStatus = keyof typeof PROBLEMS;

/** The error answers of a route, documented once for the whole API. */
export function ApiProblemResponses(...statuses: ProblemStatus[]): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemResponse),
    ...statuses.map((status) =>
      ApiResponse({ status, description: PROBLEMS[status], content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemResponse) } } } }),
    ),
  );
}

/** A capability's controller: its path under /api/v1 and its tag in the documentation. */
export function ResourceController(path: string, tag: string): ClassDecorator {
  return applyDecorators(Controller(path), ApiTags(tag), ApiBearerAuth());
}

interface RouteOptions<K extends string> {
  /** The resource's transition table: which states accept each command; and who may send its commands. */
  readonly resource: { readonly acceptedIn: Readonly<Record<K, readonly string[]>>; readonly commandRoles?: readonly Role[] };
  /** The domain command type: also the operation id, and the name listed in `allowedCommands`. */
  readonly command: NoInfer<K>;
  /** English, with the Vietnamese term. */
  readonly summary: string;
  /** More about the command than its accepted states, for the documentation. */
  readonly description?: string;
  /** Who may send this command, when fewer than the resource's command roles. */
  readonly roles?: readonly Role[];
}

/** POST that starts a stream: 201 with the view. */
export function CreationRoute<K extends string>(path: string, options: RouteOptions<K>): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(201),
    ApiOperation({ operationId: options.command, summary: options.summary, description: `Command \`${options.command}\`. The server assigns the id.` }),
    ApiResponse({ status: 201, description: 'Created: the new state, with its ETag', type: StreamViewResponse }),
    ApiProblemResponses(400, 401, 403, 409, 422),
    Allow(...(options.resource.commandRoles ?? OFFICER_ROLES)),
  );
}

/** POST of a command on an existing stream, guarded by If-Match: 200 with the view. */
export function CommandRoute<K extends string>(path: string, options: RouteOptions<K>): MethodDecorator {
  const acceptedIn = options.resource.acceptedIn[options.command];
  return applyDecorators(
    Post(path),
    HttpCode(200),
    ApiOperation({
      operationId: options.command,
      summary: options.summary,
      description: [`Command \`${options.command}\`, accepted in state ${acceptedIn.map((state) => `\`${state}\``).join(', ')}.`, options.description]
        .filter(Boolean)
        .join(' '),
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read, such as "3"; when stale the answer is 409 with currentVersion' }),
    ApiResponse({ status: 200, description: 'The new state, with its ETag', type: StreamViewResponse }),
    ApiProblemResponses(400, 401, 403, 404, 409, 422),
    Allow(...(options.roles ?? options.resource.commandRoles ?? OFFICER_ROLES)),
  );
}

export function QueryRoute(path: string, options: { operationId: string; summary: string }): MethodDecorator {
  return applyDecorators(
    Get(path),
    ApiOperation(options),
    ApiResponse({ status: 200, description: 'The current state, its version (also the ETag) and the commands it accepts', type: StreamViewResponse }),
    ApiProblemResponses(400, 401, 404),
    Allow(...ANY_ROLE),
  );
}

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new RequestValidationError([{ field: name, rule: 'isUuid' }]),
    }),
  );
}
