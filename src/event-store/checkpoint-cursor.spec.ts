import { START_OF_ALL } from './event-store.js';
import { compareCheckpoints, decodeCursor, encodeCursor } from './checkpoint-cursor.js';

describe('checkpoint cursors', () => {
  it('round-trip the commit-safe checkpoint, and start at the beginning when absent', () => {
    const checkpoint = { transactionId: '18446744073709551615', globalPosition: 9_007_199_254_740_991 };
    expect(decodeCursor(encodeCursor(checkpoint))).toEqual(checkpoint);
    expect(decodeCursor(undefined)).toEqual(START_OF_ALL);
  });

  it.each([
    '',
    'not a cursor',
    Buffer.from('12').toString('base64url'),
    Buffer.from('1.-2').toString('base64url'),
    Buffer.from('01.2').toString('base64url'),
    Buffer.from('18446744073709551616.1').toString('base64url'),
  ])('refuses %p', (cursor) => expect(decodeCursor(cursor)).toBeUndefined());

  it('orders by transaction id as a number, then position', () => {
    expect(compareCheckpoints({ transactionId: '9', globalPosition: 50 }, { transactionId: '10', globalPosition: 1 })).toBeLessThan(0);
    expect(compareCheckpoints({ transactionId: '10', globalPosition: 2 }, { transactionId: '10', globalPosition: 1 })).toBeGreaterThan(0);
    expect(compareCheckpoints({ transactionId: '10', globalPosition: 2 }, { transactionId: '10', globalPosition: 2 })).toBe(0);
  });
});
