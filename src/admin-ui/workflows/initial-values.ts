import type { FormValue } from './body-from-form.js';

/** Form values from a link's query (`subject.kind=member&subject.memberId=…`), so a screen can start the next act. */
export function initialValues(search: URLSearchParams): Record<string, FormValue> {
  const values: Record<string, FormValue> = {};
  for (const [key, value] of search) {
    const names = key.split('.');
    let target = values;
    names.slice(0, -1).forEach((name) => {
      const next = target[name];
      target = (target[name] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Record<string, FormValue>;
    });
    target[names.at(-1)!] = value;
  }
  return values;
}

export function queryOf(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}
