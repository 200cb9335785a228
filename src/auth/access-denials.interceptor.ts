import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { toProblem } from '../platform/http/problem-details.filter.js';
import { requestContext } from '../shared/request-context.js';
import { StreamOutOfScopeError } from '../shared/stream-errors.js';
import { AccessDenials, routePattern, type AccessDenial } from './access-denials.js';

const ANONYMOUS = 'anonymous';

/**
 * The refusals a route makes after the guard let the caller in: a 401 or 403 it answers, and the 404 of a
 * record outside the caller's scope or confidential to others. (The guard counts its own refusals; a public
 * route's, such as a failed login, are counted by the client's address.)
 */
@Injectable()
export class AccessDenialsInterceptor implements NestInterceptor {
  constructor(private readonly denials: AccessDenials) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const { status, code } = toProblem(error);
        const refused = status === 401 || status === 403 || error instanceof StreamOutOfScopeError;
        if (!refused) return throwError(() => error);
        const request = context.switchToHttp().getRequest<Request>();
        const actor = requestContext.current()?.actor ?? ANONYMOUS;
        const denial: AccessDenial = {
          actor: actor === ANONYMOUS ? null : actor,
          address: actor === ANONYMOUS ? (request.ip ?? 'unknown') : null,
          method: request.method,
          route: routePattern(request),
          status: status as AccessDenial['status'],
          code,
        };
        return from(this.denials.record(denial)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
