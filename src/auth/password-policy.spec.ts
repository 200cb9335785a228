import { InvalidInputError } from '../shared/domain/errors.js';
import { requireAcceptablePassword } from './password-policy.js';

const context = { minLength: 12, username: 'can-bo.xa-a.01' };

function refusal(password: string): unknown {
  try {
    requireAcceptablePassword('newPassword', password, context);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details;
  }
}

describe('password policy: minimum length and none of the commonest passwords', () => {
  it('refuses a password shorter than the minimum, counting characters rather than bytes', () => {
    expect(refusal('ngắn-quá-1')).toEqual({ field: 'newPassword', rule: 'min-length', minLength: 12, length: 10 });
    expect(refusal('mật-khẩu-dài-đủ')).toBeUndefined();
  });

  it('refuses the commonest passwords whatever their case', () => {
    expect(refusal('Password1234')).toEqual({ field: 'newPassword', rule: 'not-common' });
    expect(refusal('ADMINISTRATOR')).toEqual({ field: 'newPassword', rule: 'not-common' });
  });

  it('refuses the username as the password', () => {
    expect(refusal('CAN-BO.XA-A.01')).toEqual({ field: 'newPassword', rule: 'not-username' });
  });

  it('accepts a long password of no particular character classes', () => {
    expect(refusal('mua thu la vang ruc')).toBeUndefined();
  });
});
