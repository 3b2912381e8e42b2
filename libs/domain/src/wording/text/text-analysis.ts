import { extractEntities, type TextEntity } from './entities';
import { graphemesOf, isEmojiGrapheme, type Grapheme, type Span } from './graphemes';
import { splitSentences, type Sentence } from './sentences';
import { extractWords, type Word } from './words';

/**
 * Everything the rules need to know about a text, computed once per check. Rules read from it
 * and never re-tokenise; that keeps a full check of a 500-character post well under a millisecond
 * before spelling.
 */
export type TextAnalysis = {
  text: string;
  entities: TextEntity[];
  words: Word[];
  sentences: Sentence[];
  graphemes: Grapheme[];
  emoji: Span[];
};

export function analyzeText(text: string): TextAnalysis {
  const entities = extractEntities(text);
  const words = extractWords(text, entities);
  const sentences = splitSentences(text, words);
  const graphemes = graphemesOf(text);
  const emoji = graphemes
    .filter((g) => isEmojiGrapheme(g.segment))
    .map(({ start, end }) => ({ start, end }));
  return { text, entities, words, sentences, graphemes, emoji };
}

export function entitiesOfKind(analysis: TextAnalysis, kind: TextEntity['kind']): TextEntity[] {
  return analysis.entities.filter((e) => e.kind === kind);
}
