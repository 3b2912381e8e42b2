// Neither twitter-text nor nspell ships types; these describe only what the engine calls.

declare module 'twitter-text' {
  export type TwitterTextConfig = {
    version: number;
    maxWeightedTweetLength: number;
    scale: number;
    defaultWeight: number;
    emojiParsingEnabled: boolean;
    transformedURLLength: number;
    ranges: { start: number; end: number; weight: number }[];
  };
  export type ParsedTweet = {
    weightedLength: number;
    valid: boolean;
    permillage: number;
    validRangeStart: number;
    validRangeEnd: number;
    displayRangeStart: number;
    displayRangeEnd: number;
  };
  export function parseTweet(text: string, config?: TwitterTextConfig): ParsedTweet;
  export const configs: { defaults: TwitterTextConfig };
}

declare module 'nspell' {
  type Dictionary = { aff: string | Uint8Array; dic?: string | Uint8Array };
  type NSpell = {
    correct(word: string): boolean;
    suggest(word: string): string[];
    add(word: string, model?: string): NSpell;
    personal(dic: string): NSpell;
  };
  function nspell(dictionary: Dictionary | Dictionary[]): NSpell;
  export = nspell;
}
