import { RuleViolationError } from '../shared/domain/errors.js';
import { SANCTION_FORMS, type SanctionForm } from '../shared/domain/vocabulary.js';
import { applied, type Applied, type RuleVersion } from './rule-version.js';
import type { FormSubject } from './subject.js';

export type AllowedForms = Applied & Readonly<{ forms: readonly SanctionForm[] }>;

/** Forms of discipline (hình thức kỷ luật) for the subject, mildest first; dismissal only for post holders. */
export function allowedForms(subject: FormSubject, version: RuleVersion): AllowedForms {
  const rule = version.rules.forms;
  const listed = subject.kind === 'organization' ? rule.organization : rule.member[subject.membership];
  const forms = listed.filter((form) => subject.kind === 'organization' || subject.holdsPost || !rule.onlyForPostHolders.includes(form));
  return { ...applied(version, rule), forms: [...forms].sort((a, b) => SANCTION_FORMS.indexOf(a) - SANCTION_FORMS.indexOf(b)) };
}

export function requireFormAllowed(subject: FormSubject, form: SanctionForm, version: RuleVersion): AllowedForms {
  const result = allowedForms(subject, version);
  if (!result.forms.includes(form)) {
    throw new RuleViolationError('form-not-allowed', {
      form,
      subject,
      allowedForms: result.forms,
      ruleVersion: result.ruleVersion,
      citation: result.citation,
    });
  }
  return result;
}
