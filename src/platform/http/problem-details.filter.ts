import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../../shared/database-unavailable.js';
import { ExpectedVersionConflictError, StreamNotFoundError } from '../../shared/stream-errors.js';
import { DomainError, InvalidTransitionError } from '../../shared/domain/errors.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, RequestValidationError, problem, type Problem } from './problem.js';

/** Errors raised by Express' body parser before a route runs. */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error && typeof error.status === 'number';
}

const HTTP_CODES: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  428: 'precondition-required',
  429: 'too-many-requests',
};

/** What a client is told to wait before trying again while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Every failure becomes one problem document; this is the only place errors meet HTTP statuses. */
export function toProblem(error: unknown): Problem {
  // The Express adapter wraps the body parser's JSON errors in a BadRequestException.
  if (error instanceof HttpException && isBodyParserError(error.cause)) return toProblem(error.cause);
  if (error instanceof RequestValidationError) {
    return problem(400, 'validation-failed', 'The request is not valid', error.message, { errors: error.violations });
  }
  if (error instanceof ProblemError) {
    return problem(error.status, error.code, STATUS_CODES[error.status] ?? 'Error', error.message, { details: error.details });
  }
  if (error instanceof InvalidTransitionError) {
    return problem(409, error.code, 'Not allowed in the current state', error.message, { details: error.details });
  }
  if (error instanceof DomainError) {
    return problem(422, error.code, 'Refused by a rule', error.message, { details: error.details });
  }
  if (error instanceof ExpectedVersionConflictError) {
    return problem(409, error.code, 'The resource has changed', error.message, {
      currentVersion: error.currentVersion,
    });
  }
  if (error instanceof StreamNotFoundError) {
    return problem(404, error.code, 'Not found', error.message);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'internal-error' : 'client-error');
    return problem(status, code, STATUS_CODES[status] ?? 'Error', error.message);
  }
  if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
    if (error.type === 'entity.too.large') {
      return problem(413, 'payload-too-large', 'The request body is too large', `The body exceeds the limit of ${error.limit} bytes`);
    }
    if (error.type === 'entity.parse.failed') {
      const message = 'The body must be a JSON object (or array)';
      return problem(400, 'malformed-json', 'The request body is not valid JSON', message, { errors: [{ field: '', rule: 'isJsonObject', message }] });
    }
    return problem(error.status, HTTP_CODES[error.status] ?? 'client-error', 'The request body was refused', error.type);
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, 'database-unavailable', 'Service unavailable', 'The database cannot be reached at the moment; try again shortly', {
      details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    });
  }
  return problem(500, 'internal-error', 'Internal error', 'An unexpected error occurred; it has been logged');
}

/** The problem document a request gets for an error: its instance and request id included. */
export function problemAnswer(error: unknown, request: Request & { id?: unknown }): Problem {
  return { ...toProblem(error), instance: request.originalUrl, requestId: request.id === undefined ? undefined : String(request.id) };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = problemAnswer(error, request);
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if ((body.status === 429 || body.status === 503) && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    // An outage is logged once by the work that retries through it, not once per request it refuses.
    if (body.status >= 500 && body.code !== 'database-unavailable') this.logger.error(error instanceof Error ? error.stack : String(error));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
