import { nestsDeeperThan } from './body-depth.js';

const nested = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

describe('the nesting depth of a parsed JSON body', () => {
  it('counts objects and arrays, not scalars, up to the limit inclusive', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan([1, [2, [3]]], 2)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan(undefined, 0)).toBe(false);
  });

  it('finds the deep branch beside shallow ones', () => {
    expect(nestsDeeperThan({ shallow: 1, list: [{}, { deep: nested(5) }] }, 5)).toBe(true);
  });

  it('walks a body nested far deeper than a call stack allows without overflowing it', () => {
    expect(nestsDeeperThan(nested(200_000), 200_000)).toBe(false);
  });
});
