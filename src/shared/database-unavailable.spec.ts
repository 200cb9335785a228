import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './database-unavailable.js';

function serverError(code: string, message = 'from the server'): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function networkError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

describe('which failures mean the database is away (503, retried) rather than a wrong statement', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command (pg_terminate_backend, a dropped database)'],
    ['57P02', 'terminating connection due to a crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['57014', 'canceling statement due to statement timeout'],
    ['25P03', 'terminating connection due to idle-in-transaction timeout'],
    ['08006', 'connection failure'],
    ['53300', 'too many clients already'],
  ])('the server says %s: %s', (code, message) => {
    expect(isDatabaseUnavailable(serverError(code, message))).toBe(true);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])('the network says %s', (code) => {
    expect(isDatabaseUnavailable(networkError(code))).toBe(true);
  });

  it.each(['Connection terminated unexpectedly', 'timeout exceeded when trying to connect', 'Client has encountered a connection error and is not queryable'])(
    'pg says "%s"',
    (message) => {
      expect(isDatabaseUnavailable(new Error(message))).toBe(true);
    },
  );

  it('looks through TypeORM’s wrapper, cause chains and a connect error per address', () => {
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], serverError('57P01')))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('loading the stream failed', { cause: networkError('ECONNRESET') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([networkError('ECONNREFUSED'), networkError('ECONNREFUSED')], ''))).toBe(true);
    expect(isDatabaseUnavailable(new DatabaseUnavailableError('The database does not answer'))).toBe(true);
  });

  it.each([
    ['a unique violation', serverError('23505')],
    ['an undefined table', serverError('42P01')],
    ['an invalid input', serverError('22P02')],
    ['a row-level security refusal', serverError('42501')],
    ['a wrapped constraint failure', new QueryFailedError('INSERT', [], serverError('23514'))],
    ['a plain error', new Error('boom')],
    ['a pool used after shutdown', new Error('Cannot use a pool after calling end on the pool')],
  ])('not %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('not what is no error object', () => {
    for (const value of [undefined, null, 'ECONNREFUSED', 57, { code: 57 }]) expect(isDatabaseUnavailable(value)).toBe(false);
  });

  it('stops on a cause that refers back to itself', () => {
    const looping = new Error('looping') as Error & { cause?: unknown };
    looping.cause = looping;
    const deep = new Error('outer', { cause: new Error('middle', { cause: looping }) });
    expect(isDatabaseUnavailable(deep)).toBe(false);
  });
});
