import { ASPECT_KEYS } from '../model/constants.ts';
import type { AspectKey } from '../model/primitives.ts';
import type { AspectPolarity } from './extract-aspects.ts';
import { extractAspects } from './extract-aspects.ts';

export interface TopicReview {
  readonly id: string;
  readonly title?: string;
  readonly body: string;
}

export interface TopicExample {
  readonly reviewId: string;
  readonly polarity: AspectPolarity;
  readonly snippet: string;
}

export interface TopicSummary {
  readonly aspect: AspectKey;
  /** Reviews that praise the aspect (each review counts once per polarity). */
  readonly positive: number;
  readonly negative: number;
  readonly examples: TopicExample[];
}

/**
 * What customers talk about: for each aspect, how many reviews praise it,
 * how many complain, and a few example clauses of each (newest first if the
 * reviews come newest first; the same clause is shown once). Aspects nobody
 * mentions are left out; the most discussed come first.
 */
export function summarizeTopics(
  reviews: readonly TopicReview[],
  { examplesPerPolarity = 2 }: { examplesPerPolarity?: number } = {},
): TopicSummary[] {
  const byAspect = new Map<
    AspectKey,
    { positive: number; negative: number; examples: TopicExample[] }
  >();
  for (const review of reviews) {
    const text = review.title ? `${review.title}. ${review.body}` : review.body;
    const seen = new Set<string>();
    for (const mention of extractAspects(text)) {
      const key = `${mention.aspect}:${mention.polarity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const topic = byAspect.get(mention.aspect) ?? { positive: 0, negative: 0, examples: [] };
      topic[mention.polarity] += 1;
      const sameSide = topic.examples.filter((example) => example.polarity === mention.polarity);
      // Reviews often repeat each other ("fast delivery"); an example says something new.
      if (
        sameSide.length < examplesPerPolarity &&
        !sameSide.some((example) => example.snippet === mention.snippet)
      )
        topic.examples.push({
          reviewId: review.id,
          polarity: mention.polarity,
          snippet: mention.snippet,
        });
      byAspect.set(mention.aspect, topic);
    }
  }
  return ASPECT_KEYS.flatMap((aspect) => {
    const topic = byAspect.get(aspect);
    if (!topic) return [];
    // Praise first, then complaints, each in review order.
    const examples = [
      ...topic.examples.filter((example) => example.polarity === 'positive'),
      ...topic.examples.filter((example) => example.polarity === 'negative'),
    ];
    return [{ aspect, positive: topic.positive, negative: topic.negative, examples }];
  }).sort((a, b) => b.positive + b.negative - (a.positive + a.negative));
}
