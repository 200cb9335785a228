import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError } from '../../shared/database-unavailable.js';
import { toProblem } from './problem-details.filter.js';

function terminated(): pg.DatabaseError {
  const error = new pg.DatabaseError('terminating connection due to administrator command', 0, 'error');
  error.code = '57P01';
  return error;
}

describe('problem documents of a database that is away', () => {
  it.each([
    ['a connection the server ended', terminated()],
    ['the same through TypeORM', new QueryFailedError('SELECT 1', [], terminated())],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a probe that got no answer', new DatabaseUnavailableError('The database does not answer')],
  ])('%s answers 503 database-unavailable with a time to retry after', (_, error) => {
    expect(toProblem(error)).toMatchObject({ status: 503, code: 'database-unavailable', details: { retryAfterSeconds: expect.any(Number) } });
  });

  it('an unknown failure stays a 500 internal-error', () => {
    expect(toProblem(new Error('boom'))).toMatchObject({ status: 500, code: 'internal-error' });
  });
});
