import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from './problem.js';

/**
 * Deeper than any request body the API defines, and shallow enough for the recursive walks of validation
 * and transformation that follow parsing.
 */
export const MAX_BODY_DEPTH = 32;

/** Whether objects and arrays nest more than `limit` levels in a parsed JSON value; walked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [inner, depth] = next;
    if (inner === null || typeof inner !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(inner)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Refuses, right after JSON parsing and before any route, a body that nests deeper than `MAX_BODY_DEPTH`. */
export function refuseDeepBodies(request: Request, _response: Response, next: NextFunction): void {
  if (!nestsDeeperThan(request.body, MAX_BODY_DEPTH)) return next();
  next(new ProblemError(400, 'body-too-deep', { maxDepth: MAX_BODY_DEPTH }));
}
