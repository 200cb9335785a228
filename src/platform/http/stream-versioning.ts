import { createParamDecorator, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { RequestValidationError } from './problem.js';

const ENTITY_TAG = /^(?:W\/)?"(\d{1,9})"$/;

/** The stream version a client last saw, from `If-Match: "N"`; undefined when the header is absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = ENTITY_TAG.exec(header.trim());
  if (!match) {
    throw new RequestValidationError([{ field: 'If-Match', rule: 'entityTag' }]);
  }
  return Number(match[1]);
}

/** Injects the expected version from `If-Match` into a command route. */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().header('if-match')),
);

/** Any answer that carries a stream `version` gets it as its ETag, so the next command can send If-Match. */
@Injectable()
export class StreamETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (typeof body === 'object' && body !== null && 'version' in body && typeof body.version === 'number') {
          context.switchToHttp().getResponse<Response>().setHeader('ETag', `"${body.version}"`);
        }
        return body;
      }),
    );
  }
}
