import { RequestValidationError } from './problem.js';
import { parseIfMatch } from './stream-versioning.js';

describe('If-Match carries the stream version for optimistic concurrency', () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    [' "0" ', 0],
  ])('reads %s as version %i', (header, version) => {
    expect(parseIfMatch(header)).toBe(version);
  });

  it('is optional', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it.each(['3', '"abc"', '"1", "2"', '*', '"12345678901"'])('refuses %s naming the header', (header) => {
    expect(() => parseIfMatch(header)).toThrow(RequestValidationError);
    try {
      parseIfMatch(header);
    } catch (error) {
      expect((error as RequestValidationError).violations[0]).toMatchObject({ field: 'If-Match', rule: 'entityTag' });
    }
  });
});
