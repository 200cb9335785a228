import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client.js';
import { citationText, type Citation } from './citation.js';
import { en } from './en.js';
import { humanize } from './humanize.js';
import { vi, viCommands, viEvents, viFields, viValues } from './vi.js';

export type Language = 'vi' | 'en';
export type MessageKey = keyof typeof vi;

interface Translator {
  readonly language: Language;
  setLanguage(language: Language): void;
  /** A UI message, with `{name}` placeholders filled. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The label of an API field, by its name or its path in a request (`subject.kind`), the path first. */
  field(path: string): string;
  /** The label of an API value (enumerations, states, event kinds). */
  value(value: string): string;
  /** The name of an API command: the officers' term, or in English the operation's summary. */
  command(operationId: string, summary: string): string;
  /** What a recorded event (`InspectionConcluded`) says happened. */
  event(type: string): string;
  /** Where a rule is written, in the officer's language. */
  cite(citation: Citation): string;
}

/** The API's own enumerated values (`very-serious`); names, numbers and ids are shown as they are. */
const TOKEN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const I18nContext = createContext<Translator | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const chosen = localStorage.getItem('disciplina.language') === 'en' ? 'en' : 'vi';
    document.documentElement.lang = chosen;
    // Before any page asks the API for anything, so that its first refusal is already in this language.
    setApiLanguage(chosen);
    return chosen;
  });
  const translator = useMemo<Translator>(() => {
    const messages = language === 'vi' ? vi : en;
    return {
      language,
      setLanguage(next) {
        localStorage.setItem('disciplina.language', next);
        document.documentElement.lang = next;
        setApiLanguage(next);
        setLanguageState(next);
      },
      t: (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
      field: (path) => {
        const name = path.split('.').at(-1)!;
        return language === 'vi' ? (viFields[path.replace(/\.\d+/g, '')] ?? viFields[name] ?? humanize(name)) : humanize(name);
      },
      value: (value) => (language === 'vi' ? (viValues[value] ?? value) : TOKEN.test(value) ? humanize(value) : value),
      command: (operationId, summary) => (language === 'vi' ? (viCommands[operationId] ?? summary) : summary),
      event: (type) => (language === 'vi' ? (viEvents[type] ?? humanize(type)) : humanize(type)),
      cite: (citation) => citationText(citation, language),
    };
  }, [language]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useI18n(): Translator {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useI18n outside I18nProvider');
  return translator;
}
