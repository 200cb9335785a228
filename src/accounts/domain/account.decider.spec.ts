import { spec } from '../../shared/domain/decider-spec.js';
import { InvalidInputError, InvalidTransitionError, RuleViolationError } from '../../shared/domain/errors.js';
import type { AccountCommand } from './account.commands.js';
import { accountDecider } from './account.decider.js';
import type { AccountEvent } from './account.events.js';
import { evolveAccount, initialAccountState } from './account.state.js';

const metadata = { today: '2026-03-10' };
const accountId = '0b6f2a9e-5d1c-4b8e-9f3a-2c7d8e1f4a60';
const officer = { role: 'discipline-officer', organizationId: 'commune-a' };
const viewer = { role: 'viewer', organizationId: 'province' };
const byAdmin = [{ role: 'administrator', organizationId: null }];
const created: AccountEvent = {
  type: 'AccountCreated',
  data: { accountId, username: 'can-bo.xa-a', grants: [officer], passwordSetBy: 'administrator', mustChangePassword: true, authorizedBy: byAdmin },
};
const command = (type: AccountCommand['type'], data: object) => ({ type, data, metadata }) as AccountCommand;
const given = (events: AccountEvent[]) => spec(accountDecider).given(events);

describe('accounts', () => {
  it('creates an account with its grants, the password setter and whether it must change', () => {
    given([]).when(command('createAccount', created.data)).then([created]);
  });

  it('refuses a username outside the login format, and repeated grants', () => {
    given([])
      .when(command('createAccount', { ...created.data, username: 'Cán Bộ' }))
      .thenThrows(InvalidInputError, { details: { field: 'username', rule: 'username-format' } });
    given([])
      .when(command('createAccount', { ...created.data, grants: [officer, officer] }))
      .thenThrows(InvalidInputError, { details: { field: 'grants[1]', rule: 'distinct' } });
  });

  it('holds at least one grant (account-needs-grant): neither created without one nor left without its last', () => {
    given([])
      .when(command('createAccount', { ...created.data, grants: [] }))
      .thenThrows(RuleViolationError, { code: 'account-needs-grant' });
    given([created])
      .when(command('removeGrant', { grant: officer, authorizedBy: byAdmin }))
      .thenThrows(RuleViolationError, { code: 'account-needs-grant' });
  });

  it('adds a grant once, records nothing for one already held, and removes only a grant held', () => {
    given([created])
      .when(command('addGrant', { grant: viewer, authorizedBy: byAdmin }))
      .then([{ type: 'GrantAdded', data: { accountId, grant: viewer, authorizedBy: byAdmin } }]);
    given([created])
      .when(command('addGrant', { grant: officer, authorizedBy: byAdmin }))
      .then([]);
    given([created])
      .when(command('removeGrant', { grant: viewer, authorizedBy: byAdmin }))
      .thenThrows(RuleViolationError, { code: 'grant-not-held' });
  });

  it('disables an active account and enables a disabled one, nothing else', () => {
    const disabled: AccountEvent = { type: 'AccountDisabled', data: { accountId, reason: 'Chuyển công tác', authorizedBy: byAdmin } };
    given([created])
      .when(command('disableAccount', { reason: 'Chuyển công tác', authorizedBy: byAdmin }))
      .then([disabled]);
    given([created, disabled])
      .when(command('disableAccount', { reason: null, authorizedBy: byAdmin }))
      .thenThrows(InvalidTransitionError);
    given([created])
      .when(command('enableAccount', { reason: null, authorizedBy: byAdmin }))
      .thenThrows(InvalidTransitionError);
    given([created, disabled]).when(command('changePassword', {})).thenThrows(InvalidTransitionError);
  });

  it('ends every session on disabling, a reset, a change of password and logging out; never on a change of grants', () => {
    const generation = (events: AccountEvent[]) => {
      const state = events.reduce(evolveAccount, initialAccountState());
      return state.status === 'not-created' ? null : state.account.sessionGeneration;
    };
    expect(generation([created])).toBe(1);
    expect(generation([created, { type: 'GrantAdded', data: { accountId, grant: viewer, authorizedBy: byAdmin } }])).toBe(1);
    expect(generation([created, { type: 'PasswordChanged', data: { accountId } }])).toBe(2);
    expect(
      generation([
        created,
        { type: 'SignedOut', data: { accountId } },
        { type: 'PasswordReset', data: { accountId, mustChangePassword: true, authorizedBy: byAdmin } },
      ]),
    ).toBe(3);
    expect(generation([created, { type: 'AccountDisabled', data: { accountId, reason: null, authorizedBy: byAdmin } }])).toBe(2);
  });

  it('clears the required change once the owner changes the password, and sets it again on a reset', () => {
    const mustChange = (events: AccountEvent[]) => {
      const state = events.reduce(evolveAccount, initialAccountState());
      return state.status === 'not-created' ? null : state.account.mustChangePassword;
    };
    const changed: AccountEvent = { type: 'PasswordChanged', data: { accountId } };
    expect(mustChange([created, changed])).toBe(false);
    expect(mustChange([created, changed, { type: 'PasswordReset', data: { accountId, mustChangePassword: true, authorizedBy: byAdmin } }])).toBe(true);
  });

  describe('identities of a provider', () => {
    const identity = { issuer: 'https://id.ubkt.example.vn', subject: '1f0c9a7e' };
    const linked: AccountEvent = { type: 'IdentityLinked', data: { accountId, identity, authorizedBy: byAdmin } };

    it('links an identity once, named by issuer and subject, and records nothing for one linked already', () => {
      given([created])
        .when(command('linkIdentity', { identity, authorizedBy: byAdmin }))
        .then([linked]);
      given([created, linked])
        .when(command('linkIdentity', { identity, authorizedBy: byAdmin }))
        .then([]);
      given([created, linked])
        .when(command('linkIdentity', { identity: { ...identity, issuer: 'https://other.example.vn' }, authorizedBy: byAdmin }))
        .then([{ type: 'IdentityLinked', data: { accountId, identity: { ...identity, issuer: 'https://other.example.vn' }, authorizedBy: byAdmin } }]);
    });

    it('refuses an issuer that is not a URL and an empty subject', () => {
      given([created])
        .when(command('linkIdentity', { identity: { ...identity, issuer: 'ubkt' }, authorizedBy: byAdmin }))
        .thenThrows(InvalidInputError, { details: { field: 'issuer', rule: 'issuer-url' } });
      given([created])
        .when(command('linkIdentity', { identity: { ...identity, subject: '' }, authorizedBy: byAdmin }))
        .thenThrows(InvalidInputError, { details: { field: 'subject', rule: 'subject-length' } });
    });

    it('unlinks only an identity linked (identity-not-held), and ends the sessions it signed in', () => {
      given([created])
        .when(command('unlinkIdentity', { identity, authorizedBy: byAdmin }))
        .thenThrows(RuleViolationError, { code: 'identity-not-held' });
      const unlinked: AccountEvent = { type: 'IdentityUnlinked', data: { accountId, identity, authorizedBy: byAdmin } };
      given([created, linked])
        .when(command('unlinkIdentity', { identity, authorizedBy: byAdmin }))
        .then([unlinked]);
      const state = [created, linked, unlinked].reduce(evolveAccount, initialAccountState());
      expect(state.status === 'active' && state.account).toMatchObject({ identities: [], sessionGeneration: 2 });
    });
  });
});
