import type { AspectKey } from '../model/primitives.ts';
import type { AspectLexicon, LexiconEntry } from './aspect-lexicon.ts';
import { buildAspectLexicon } from './aspect-lexicon.ts';

export type AspectPolarity = 'positive' | 'negative';

/** One aspect judged in one clause of a review. */
export interface AspectMention {
  readonly aspect: AspectKey;
  readonly polarity: AspectPolarity;
  /** The clause it was read from, as written (trimmed, at most 120 characters). */
  readonly snippet: string;
}

interface Token {
  readonly entry: LexiconEntry;
  /** Position in words (Latin) or characters (Chinese); distances are measured in these units. */
  readonly start: number;
  readonly end: number;
  readonly clause: number;
}

// Characters of the CJK Unified Ideographs blocks (and extension A, compatibility).
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CLAUSE_BREAK = /[,.;:!?()\n，。；：！？（）…~～]/;
const LATIN_WORD = /^[A-Za-z][A-Za-z'’-]*/;
/** How far a negator reaches: "not very fresh", "不是很新鲜", "没有想象中好". */
const NEGATION_REACH = 4;
const SNIPPET_LENGTH = 120;

let sharedLexicon: AspectLexicon | undefined;

/**
 * Splits text into lexicon tokens and clauses. Chinese has no spaces, so Han
 * runs are read by forward maximum matching against the lexicon (the longest
 * known term at each position wins: "不错" before "不", "快递" before "快").
 * Latin text is read word by word, also longest phrase first ("not worth"
 * before "not"). We do this by hand because the segmenters that exist either
 * ship large dictionaries or need Node's ICU; the lexicon is the dictionary.
 */
function tokenize(
  text: string,
  lexicon: AspectLexicon,
): { tokens: Token[]; clauses: [number, number][] } {
  const tokens: Token[] = [];
  const clauses: [number, number][] = [];
  let clause = 0;
  let clauseStart = 0;
  let unit = 0;
  let i = 0;
  const endClause = (at: number) => {
    clauses[clause] = [clauseStart, at];
    clause += 1;
    clauseStart = at;
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (CLAUSE_BREAK.test(char)) {
      endClause(i);
      i += 1;
      clauseStart = i;
      continue;
    }
    if (HAN.test(char)) {
      let matched = false;
      for (let length = Math.min(lexicon.longestZh, text.length - i); length > 0; length -= 1) {
        const entry = lexicon.zh.get(text.slice(i, i + length));
        if (!entry) continue;
        if (entry.kind === 'contrast') endClause(i);
        else tokens.push({ entry, start: unit, end: unit + length, clause });
        i += length;
        unit += length;
        matched = true;
        break;
      }
      if (!matched) {
        i += 1;
        unit += 1;
      }
      continue;
    }
    const word = LATIN_WORD.exec(text.slice(i, i + 64));
    if (!word) {
      i += 1;
      continue;
    }
    // Up to `longestEn` words ahead, separated by single spaces or hyphens.
    const words: { word: string; next: number; negated: boolean }[] = [];
    let cursor = i;
    while (words.length < lexicon.longestEn) {
      const found = LATIN_WORD.exec(text.slice(cursor, cursor + 64));
      if (!found) break;
      const raw = found[0].replace(/[-'’]+$/, '');
      words.push({
        word: raw.toLowerCase().replace(/['’]/g, ''),
        next: cursor + raw.length,
        negated: /n['’]t$/i.test(raw),
      });
      cursor += raw.length;
      const gap = /^[ \t]+/.exec(text.slice(cursor))?.[0].length ?? 0;
      if (gap === 0 || !/[A-Za-z]/.test(text[cursor + gap] ?? '')) break;
      cursor += gap;
    }
    let consumed = 1;
    let entry: LexiconEntry | undefined;
    for (let count = words.length; count > 0 && !entry; count -= 1) {
      entry = lexicon.en.get(
        words
          .slice(0, count)
          .map((w) => w.word)
          .join(' '),
      );
      if (entry) consumed = count;
    }
    const first = words[0] as { negated: boolean };
    if (!entry && first.negated) entry = { kind: 'negator' };
    if (entry?.kind === 'contrast') endClause(i);
    else if (entry) tokens.push({ entry, start: unit, end: unit + consumed, clause });
    unit += consumed;
    i = (words[consumed - 1] as { next: number }).next;
  }
  clauses[clause] = [clauseStart, text.length];
  return { tokens, clauses };
}

/**
 * The aspects of word of mouth a review talks about, each with its polarity:
 * lexicon and rules only (no model, no service), for Chinese and English,
 * mixed freely. Negation flips an opinion within a few words ("not fresh",
 * "不新鲜", "never late"); clauses are cut at punctuation and at "but"/"但是",
 * so "fresh tea but slow delivery" yields quality+ and delivery-.
 * Aspects named without an opinion are not reported.
 */
export function extractAspects(text: string, lexicon?: AspectLexicon): AspectMention[] {
  const words = lexicon ?? (sharedLexicon ??= buildAspectLexicon());
  const { tokens, clauses } = tokenize(text, words);
  const mentions: AspectMention[] = [];
  for (let clause = 0; clause < clauses.length; clause += 1) {
    const inClause = tokens.filter((token) => token.clause === clause);
    const named = inClause.filter((token) => token.entry.kind === 'aspect');
    const scores = new Map<AspectKey, number>();
    let lastNegator: Token | undefined;
    for (const token of inClause) {
      const { entry } = token;
      if (entry.kind === 'negator') {
        lastNegator = token;
        continue;
      }
      if (entry.kind !== 'opinion') continue;
      const negated = lastNegator !== undefined && token.start - lastNegator.end < NEGATION_REACH;
      lastNegator = undefined;
      const polarity = negated ? -entry.polarity : entry.polarity;
      let aspect = entry.aspect;
      if (!aspect) {
        const nearest = named
          .map((candidate) => ({
            candidate,
            // Ties go to the aspect named before the opinion ("物流很快", "the tea was great").
            distance:
              candidate.start < token.start
                ? token.start - candidate.end
                : candidate.start - token.end + 0.5,
          }))
          .sort((a, b) => a.distance - b.distance)[0]?.candidate.entry;
        aspect = nearest?.kind === 'aspect' ? nearest.aspect : entry.fallback;
      }
      if (aspect) scores.set(aspect, (scores.get(aspect) ?? 0) + polarity);
    }
    const [from, to] = clauses[clause] as [number, number];
    const snippet = text.slice(from, to).trim().slice(0, SNIPPET_LENGTH);
    for (const [aspect, score] of scores) {
      if (score !== 0)
        mentions.push({ aspect, polarity: score > 0 ? 'positive' : 'negative', snippet });
    }
  }
  return mentions;
}
