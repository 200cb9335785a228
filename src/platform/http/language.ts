import { LANGUAGES, type Language } from '../../shared/domain/refusals/wording.js';

/**
 * The language a request asks its answers in, by `Accept-Language` (RFC 9110): of the languages the service
 * words refusals in, the one the header weighs highest (`vi-VN,vi;q=0.9,en;q=0.8`: Vietnamese); English
 * when it names neither, or names none at all.
 */
export function requestLanguage(acceptLanguage: string | undefined): Language {
  let best: { language: Language; weight: number } = { language: 'en', weight: 0 };
  for (const range of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = range.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    const primary = tag.trim().split('-')[0];
    const language = primary === '*' ? 'en' : LANGUAGES.find((candidate) => candidate === primary);
    if (language && weight > best.weight) best = { language, weight };
  }
  return best.language;
}
