import type { Locale } from '@postplan/contracts';
import { de } from './messages-de';
import { en, type MessageKey, type Messages } from './messages-en';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const catalogues: Record<Locale, Messages> = { de, en };

/** Replaces {name} placeholders; an unknown placeholder stays visible so it is noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

export function createTranslate(locale: Locale): Translate {
  const messages = catalogues[locale];
  return (key, params) => interpolate(messages[key] ?? en[key] ?? key, params);
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
