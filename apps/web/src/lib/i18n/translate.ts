import type { Locale } from '@postplan/contracts';
import { formatMessage, messageArguments, type MessageValues } from './message-format';
import { de } from './messages-de';
import { en, type MessageKey, type Messages } from './messages-en';

export type MessageParams = MessageValues;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const catalogues: Record<Locale, Messages> = { de, en };

const PLURAL_LOCALES: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * Fills a message: `{name}` values, ICU `plural` and `select` (see message-format.ts). An unknown
 * placeholder stays visible so it is noticed.
 */
export function interpolate(
  template: string,
  params?: MessageParams,
  locale: Locale = 'en',
): string {
  return formatMessage(template, params, PLURAL_LOCALES[locale]);
}

export function createTranslate(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, params) => interpolate(messages[key] ?? en[key] ?? key, params, locale);
}

/** The names of every argument a message reads, sorted. */
export function placeholders(template: string): string[] {
  return messageArguments(template).map((a) => a.name);
}

/** "you" or "other", for messages that select on who did something. */
export function who(isYou: boolean): 'you' | 'other' {
  return isYou ? 'you' : 'other';
}
