import { describe, expect, it } from 'vitest';
import { ASPECT_KEYS, extractAspects, summarizeTopics } from '../src/index.ts';
import { HELD_OUT_SENTENCES, LABELLED_SENTENCES } from './fixtures/aspect-sentences.ts';

const labelsOf = (text: string) =>
  [
    ...new Set(
      extractAspects(text).map((m) => `${m.aspect}${m.polarity === 'positive' ? '+' : '-'}`),
    ),
  ].sort();

describe('extractAspects', () => {
  it('reads aspects and polarity in English and in Chinese without spaces', () => {
    expect(labelsOf('The tea is fresh and the delivery was fast.')).toEqual([
      'delivery+',
      'quality+',
    ]);
    expect(labelsOf('茶叶很新鲜物流很快')).toEqual(['delivery+', 'quality+']);
  });

  it('flips an opinion after a negator, and leaves "不错" alone', () => {
    expect(labelsOf('The tea was not fresh.')).toEqual(['quality-']);
    expect(labelsOf("The tea isn't fresh.")).toEqual(['quality-']);
    expect(labelsOf('茶叶不新鲜')).toEqual(['quality-']);
    expect(labelsOf('茶叶不是很新鲜')).toEqual(['quality-']);
    expect(labelsOf('茶叶不错')).toEqual(['quality+']);
    expect(labelsOf('No complaints about the delivery.')).toEqual(['delivery+']);
  });

  it('keeps a negator from reaching an opinion far away', () => {
    expect(labelsOf('Not what I ordered at first, then the support team was friendly.')).toEqual([
      'service+',
    ]);
  });

  it('splits clauses at "but" and "但是" so each side keeps its own polarity', () => {
    expect(labelsOf('Lovely tea but slow delivery')).toEqual(['delivery-', 'quality+']);
    expect(labelsOf('东西很好但是价格有点贵')).toEqual(['quality+', 'value-']);
  });

  it('binds a general opinion to the nearest aspect, or to its fallback', () => {
    expect(labelsOf('Fast service.')).toEqual(['service+']);
    expect(labelsOf('Fast!')).toEqual(['delivery+']);
    expect(labelsOf('I bought it for my mother.')).toEqual([]);
  });

  it('returns the clause as the snippet', () => {
    expect(extractAspects('Lovely tea, but the courier was late.')).toEqual([
      { aspect: 'quality', polarity: 'positive', snippet: 'Lovely tea' },
      { aspect: 'delivery', polarity: 'negative', snippet: 'but the courier was late' },
    ]);
  });

  it('meets its precision and recall floors on the labelled sentences', () => {
    const languages = { zh: 0, en: 0 };
    for (const [text] of LABELLED_SENTENCES)
      languages[/[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en'] += 1;
    expect(languages.en).toBeGreaterThanOrEqual(50);
    expect(languages.zh).toBeGreaterThanOrEqual(50);
    const { table, micro } = score(LABELLED_SENTENCES);
    console.log(
      `${LABELLED_SENTENCES.length} labelled sentences (${languages.en} en, ${languages.zh} zh-CN)`,
    );
    console.table([...table, micro]);
    for (const row of table) {
      expect.soft(row.tp + row.fn, `${row.aspect} has labelled examples`).toBeGreaterThanOrEqual(8);
      expect
        .soft(row.precision, `${row.aspect} precision`)
        .toBeGreaterThanOrEqual(FLOORS.precision);
      expect.soft(row.recall, `${row.aspect} recall`).toBeGreaterThanOrEqual(FLOORS.recall);
    }
    expect(micro.precision).toBeGreaterThanOrEqual(FLOORS.microPrecision);
    expect(micro.recall).toBeGreaterThanOrEqual(FLOORS.microRecall);
  });

  it('holds up on sentences written after the lexicon was frozen', () => {
    const { table, micro } = score(HELD_OUT_SENTENCES);
    console.log(`${HELD_OUT_SENTENCES.length} held-out sentences`);
    console.table([...table, micro]);
    expect(micro.precision).toBeGreaterThanOrEqual(FLOORS.heldOutPrecision);
    expect(micro.recall).toBeGreaterThanOrEqual(FLOORS.heldOutRecall);
  });
});

/** Per-aspect precision and recall over aspect+polarity labels: a right aspect with the wrong polarity counts as a miss and a false find. */
function score(sentences: readonly (readonly [string, readonly string[]])[]) {
  const counts = new Map(ASPECT_KEYS.map((aspect) => [aspect, { tp: 0, fp: 0, fn: 0 }]));
  for (const [text, expected] of sentences) {
    const found = new Set(labelsOf(text));
    const wanted = new Set(expected);
    for (const label of new Set([...found, ...wanted])) {
      const row = counts.get(label.slice(0, -1) as (typeof ASPECT_KEYS)[number]);
      if (!row) throw new Error(`Unknown label ${label}`);
      if (found.has(label) && wanted.has(label)) row.tp += 1;
      else if (found.has(label)) row.fp += 1;
      else row.fn += 1;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Number((a / b).toFixed(2)));
  const table = [...counts].map(([aspect, { tp, fp, fn }]) => ({
    aspect: aspect as string,
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
  }));
  const total = table.reduce(
    (sum, row) => ({ tp: sum.tp + row.tp, fp: sum.fp + row.fp, fn: sum.fn + row.fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const micro = {
    aspect: 'all (micro)',
    ...total,
    precision: ratio(total.tp, total.tp + total.fp),
    recall: ratio(total.tp, total.tp + total.fn),
  };
  return { table, micro };
}

// Floors a little under the figures measured when they were set (labelled: per aspect P ≥ 0.93, R ≥ 0.8;
// micro 0.96 / 0.92. Held out: micro 0.85 / 0.39), so a change that makes extraction worse fails.
const FLOORS = {
  precision: 0.85,
  recall: 0.75,
  microPrecision: 0.9,
  microRecall: 0.85,
  heldOutPrecision: 0.75,
  heldOutRecall: 0.3,
};

describe('summarizeTopics', () => {
  it('counts each review once per aspect and polarity, with distinct examples, most discussed first', () => {
    const topics = summarizeTopics([
      { id: 'r1', body: 'Fresh tea. The tea is delicious. Slow delivery.' },
      { id: 'r2', body: '物流太慢了' },
      { id: 'r3', body: 'Great price.' },
      { id: 'r4', body: 'Slow delivery. Great price!' },
    ]);
    expect(topics).toEqual([
      {
        aspect: 'delivery',
        positive: 0,
        negative: 3,
        examples: [
          { reviewId: 'r1', polarity: 'negative', snippet: 'Slow delivery' },
          { reviewId: 'r2', polarity: 'negative', snippet: '物流太慢了' },
        ],
      },
      {
        aspect: 'value',
        positive: 2,
        negative: 0,
        examples: [{ reviewId: 'r3', polarity: 'positive', snippet: 'Great price' }],
      },
      {
        aspect: 'quality',
        positive: 1,
        negative: 0,
        examples: [{ reviewId: 'r1', polarity: 'positive', snippet: 'Fresh tea' }],
      },
    ]);
  });
});
