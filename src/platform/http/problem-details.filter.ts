import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isDatabaseUnavailable } from '../../shared/database-unavailable.js';
import { ExpectedVersionConflictError, StreamNotFoundError } from '../../shared/stream-errors.js';
import { DomainError, InvalidTransitionError } from '../../shared/domain/errors.js';
import { refusalText, violationText, type ProblemCode } from '../../shared/domain/refusals/catalogue.js';
import type { RequestCode } from '../../shared/domain/refusals/request-refusals.js';
import type { Language } from '../../shared/domain/refusals/wording.js';
import { requestLanguage } from './language.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, RequestValidationError, problem, type FieldViolation, type Problem } from './problem.js';

/** Errors raised by Express' body parser before a route runs. */
interface BodyParserError {
  readonly type: string;
  readonly status: number;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error && typeof error.status === 'number';
}

const HTTP_CODES: Readonly<Record<number, RequestCode>> = {
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

/**
 * Every failure becomes one problem document; this is the only place errors meet HTTP statuses. Its `detail`
 * is worded in `language` by the refusals' catalogue, from the error's code and details.
 */
export function toProblem(error: unknown, language: Language = 'en'): Problem {
  const refused = (status: number, code: ProblemCode, title: string, details: Readonly<Record<string, unknown>>, extensions: Record<string, unknown> = {}) =>
    problem(status, code, title, refusalText(code, details, language), extensions);
  // The Express adapter wraps the body parser's JSON errors in a BadRequestException.
  if (error instanceof HttpException && isBodyParserError(error.cause)) return toProblem(error.cause, language);
  if (error instanceof RequestValidationError) {
    const errors = error.violations.map(({ field, rule }, index) => ({ field, rule, message: violationText(error.violations[index]!, language) }));
    return refused(400, 'validation-failed', 'The request is not valid', { errors: error.violations }, { errors });
  }
  if (error instanceof ProblemError) {
    return refused(error.status, error.code, STATUS_CODES[error.status] ?? 'Error', error.details, { details: error.details });
  }
  if (error instanceof InvalidTransitionError) {
    return refused(409, error.code, 'Not allowed in the current state', error.details, { details: error.details });
  }
  if (error instanceof DomainError) {
    return refused(422, error.code, 'Refused by a rule', error.details, { details: error.details });
  }
  if (error instanceof ExpectedVersionConflictError) {
    const { streamId, expectedVersion, currentVersion } = error;
    return refused(409, error.code, 'The resource has changed', { streamId, expectedVersion, currentVersion }, { currentVersion });
  }
  if (error instanceof StreamNotFoundError) {
    return refused(404, error.code, 'Not found', { reason: 'stream', streamId: error.streamId });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'internal-error' : 'client-error');
    return refused(status, code, STATUS_CODES[status] ?? 'Error', {});
  }
  if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
    if (error.type === 'entity.too.large') {
      return refused(413, 'payload-too-large', 'The request body is too large', { limit: error.limit });
    }
    if (error.type === 'entity.parse.failed') {
      const violation: FieldViolation = { field: '', rule: 'isJsonObject' };
      return refused(
        400,
        'malformed-json',
        'The request body is not valid JSON',
        {},
        { errors: [{ ...violation, message: violationText(violation, language) }] },
      );
    }
    return refused(error.status, HTTP_CODES[error.status] ?? 'client-error', 'The request body was refused', {});
  }
  if (isDatabaseUnavailable(error)) {
    return refused(503, 'database-unavailable', 'Service unavailable', {}, { details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS } });
  }
  return refused(500, 'internal-error', 'Internal error', {});
}

/** The problem document a request gets for an error, in the language it asks for: its instance and request id included. */
export function problemAnswer(error: unknown, request: Request & { id?: unknown }): Problem {
  return {
    ...toProblem(error, requestLanguage(request.header('accept-language'))),
    instance: request.originalUrl,
    requestId: request.id === undefined ? undefined : String(request.id),
  };
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
    response.setHeader('Content-Language', requestLanguage(request.header('accept-language')));
    response.vary('Accept-Language');
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
