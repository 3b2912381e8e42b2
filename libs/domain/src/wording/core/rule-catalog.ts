import { type Severity } from './types';

/**
 * Every rule the engine knows, with the severity it has unless a workspace or channel says
 * otherwise. `locked` rules mirror what the platform itself rejects: turning them off would only
 * move the failure to publishing time, so overrides are ignored for them.
 */
export const WORDING_RULES = {
  'length.limit': { severity: 'error', locked: true },
  'length.bytes': { severity: 'error', locked: true },
  'hashtags.limit': { severity: 'error', locked: true },
  'mentions.limit': { severity: 'error', locked: true },
  'links.limit': { severity: 'error', locked: true },
  'media.count': { severity: 'error', locked: true },
  'media.type': { severity: 'error', locked: true },
  'media.required': { severity: 'error', locked: true },
  'media.alt-text': { severity: 'warning', locked: false },
  'readability.score': { severity: 'hint', locked: false },
  'readability.long-sentence': { severity: 'warning', locked: false },
  'readability.long-word': { severity: 'hint', locked: false },
  'engagement.no-question': { severity: 'hint', locked: false },
  'duplicate.recent': { severity: 'warning', locked: false },
  'duplicate.cross-channel': { severity: 'hint', locked: false },
  'duplicate.x-identical': { severity: 'error', locked: false },
  'brand.banned': { severity: 'error', locked: false },
  'brand.preferred': { severity: 'warning', locked: false },
  'gender.style': { severity: 'warning', locked: false },
  'gender.generic-masculine': { severity: 'hint', locked: false },
  'spelling.unknown-word': { severity: 'warning', locked: false },
  'hashtags.too-many': { severity: 'warning', locked: false },
  'hashtags.duplicate': { severity: 'warning', locked: false },
  'hashtags.camel-case': { severity: 'hint', locked: false },
  'links.malformed': { severity: 'warning', locked: false },
  'links.insecure': { severity: 'warning', locked: false },
  'style.all-caps': { severity: 'warning', locked: false },
  'style.emoji-overuse': { severity: 'hint', locked: false },
  'contest.rules-link': { severity: 'warning', locked: false },
} as const satisfies Record<string, { severity: Severity; locked: boolean }>;

export type WordingRuleId = keyof typeof WORDING_RULES;
export const WORDING_RULE_IDS = Object.keys(WORDING_RULES) as WordingRuleId[];

type TunableOf<T> = { [K in keyof T]: T[K] extends { locked: false } ? K : never }[keyof T];
export type TunableWordingRuleId = TunableOf<typeof WORDING_RULES>;
export const TUNABLE_WORDING_RULE_IDS = WORDING_RULE_IDS.filter(
  (id) => !WORDING_RULES[id].locked,
) as TunableWordingRuleId[];
