import type { AspectKey } from '../model/primitives.ts';

/**
 * What a word (or phrase) in a review can mean for topic extraction:
 * - `aspect`: it names an aspect ("delivery", "客服");
 * - `opinion`: it judges, positively (+1) or negatively (-1). An opinion with
 *   `aspect` always belongs to it ("overpriced" is about value whatever it
 *   sits next to); one with `fallback` belongs to the nearest named aspect,
 *   or to the fallback when the clause names none ("fast" alone is delivery,
 *   "fast service" is service);
 * - `negator` flips the next opinion ("not fresh", "不新鲜");
 * - `contrast` ends a clause ("but", "不过").
 */
export type LexiconEntry =
  | { readonly kind: 'aspect'; readonly aspect: AspectKey }
  | {
      readonly kind: 'opinion';
      readonly polarity: 1 | -1;
      readonly aspect?: AspectKey;
      readonly fallback?: AspectKey;
    }
  | { readonly kind: 'negator' }
  | { readonly kind: 'contrast' };

type Opinions = Readonly<Record<string, 1 | -1>>;

const ASPECT_TERMS: Readonly<Record<AspectKey, { en: string[]; zh: string[] }>> = {
  quality: {
    en: [
      'quality',
      'taste',
      'tastes',
      'flavor',
      'flavour',
      'aroma',
      'smell',
      'leaves',
      'tea',
      'teapot',
      'pot',
      'cup',
      'cups',
      'material',
      'glaze',
      'craftsmanship',
      'product',
      'item',
      'build',
    ],
    zh: [
      '质量',
      '品质',
      '口感',
      '味道',
      '香气',
      '茶叶',
      '茶汤',
      '茶壶',
      '杯子',
      '做工',
      '材质',
      '釉色',
      '产品',
      '东西',
      '商品',
      '茶',
    ],
  },
  service: {
    en: [
      'service',
      'customer service',
      'staff',
      'seller',
      'support',
      'team',
      'owner',
      'reply',
      'response',
      'answered',
      'communication',
      'after-sales',
    ],
    zh: ['服务', '客服', '态度', '卖家', '店家', '掌柜', '售后', '回复', '沟通', '店主'],
  },
  delivery: {
    en: [
      'delivery',
      'delivered',
      'shipping',
      'shipped',
      'arrived',
      'arrival',
      'courier',
      'package',
      'packaging',
      'parcel',
      'packed',
      'dispatch',
      'dispatched',
      'tracking',
      'postage',
    ],
    zh: ['物流', '快递', '发货', '送货', '到货', '包装', '配送', '收到', '送到', '打包'],
  },
  value: {
    en: ['price', 'prices', 'value', 'money', 'cost', 'deal', 'discount', 'priced'],
    zh: ['价格', '性价比', '价钱', '价位', '钱', '优惠', '折扣'],
  },
  experience: {
    en: [
      'experience',
      'ordering',
      'checkout',
      'website',
      'site',
      'shopping',
      'brewing',
      'to use',
      'to brew',
      'returns',
      'return',
    ],
    zh: ['体验', '购物', '下单', '网站', '使用', '用起来', '冲泡', '泡起来', '退货', '过程'],
  },
  brand: {
    en: ['brand', 'shop', 'store', 'company', 'reputation', 'business'],
    zh: ['品牌', '店铺', '这家店', '老店', '口碑', '老字号', '牌子', '店'],
  },
};

/** Opinions tied to one aspect whatever they sit next to. */
const ASPECT_OPINIONS: Readonly<Record<AspectKey, { en: Opinions; zh: Opinions }>> = {
  quality: {
    en: {
      fresh: 1,
      delicious: 1,
      fragrant: 1,
      tasty: 1,
      smooth: 1,
      'well made': 1,
      sturdy: 1,
      durable: 1,
      stale: -1,
      bland: -1,
      bitter: -1,
      flimsy: -1,
      leaks: -1,
      leaked: -1,
      cracked: -1,
      chipped: -1,
      musty: -1,
      tasteless: -1,
      'broke after': -1,
    },
    zh: {
      新鲜: 1,
      好喝: 1,
      香: 1,
      醇厚: 1,
      回甘: 1,
      耐泡: 1,
      精致: 1,
      结实: 1,
      正宗: 1,
      难喝: -1,
      发霉: -1,
      苦涩: -1,
      寡淡: -1,
      粗糙: -1,
      漏水: -1,
      掉色: -1,
      有异味: -1,
      碎: -1,
      裂: -1,
    },
  },
  service: {
    en: {
      friendly: 1,
      helpful: 1,
      polite: 1,
      patient: 1,
      responsive: 1,
      attentive: 1,
      courteous: 1,
      rude: -1,
      unhelpful: -1,
      ignored: -1,
      unresponsive: -1,
      dismissive: -1,
    },
    zh: {
      热情: 1,
      耐心: 1,
      周到: 1,
      贴心: 1,
      礼貌: 1,
      专业: 1,
      及时: 1,
      敷衍: -1,
      冷漠: -1,
      不理人: -1,
      爱答不理: -1,
      推脱: -1,
    },
  },
  delivery: {
    en: {
      'on time': 1,
      promptly: 1,
      'next day': 1,
      'well packed': 1,
      damaged: -1,
      delayed: -1,
      lost: -1,
      crushed: -1,
      'took forever': -1,
    },
    zh: {
      神速: 1,
      隔天: 1,
      次日达: 1,
      严实: 1,
      破损: -1,
      压坏: -1,
      延误: -1,
      丢件: -1,
    },
  },
  value: {
    en: {
      affordable: 1,
      bargain: 1,
      reasonable: 1,
      'worth it': 1,
      'worth the money': 1,
      'good value': 1,
      'value for money': 1,
      overpriced: -1,
      'rip-off': -1,
      ripoff: -1,
      pricey: -1,
      expensive: -1,
      'not worth': -1,
    },
    zh: {
      实惠: 1,
      划算: 1,
      便宜: 1,
      值: 1,
      值得: 1,
      物美价廉: 1,
      超值: 1,
      贵: -1,
      偏贵: -1,
      坑: -1,
      不值: -1,
      虚高: -1,
    },
  },
  experience: {
    en: {
      convenient: 1,
      enjoyable: 1,
      seamless: 1,
      hassle: -1,
      confusing: -1,
      frustrating: -1,
      inconvenient: -1,
      complicated: -1,
    },
    zh: {
      方便: 1,
      顺畅: 1,
      省心: 1,
      舒心: 1,
      好用: 1,
      愉快: 1,
      难用: -1,
      麻烦: -1,
      繁琐: -1,
      闹心: -1,
      糟心: -1,
    },
  },
  brand: {
    en: {
      trust: 1,
      trusted: 1,
      trustworthy: 1,
      reliable: 1,
      loyal: 1,
      'buy again': 1,
      'order again': 1,
      'buying again': 1,
      'ordering again': 1,
      scam: -1,
      'never again': -1,
      avoid: -1,
    },
    zh: {
      信赖: 1,
      信任: 1,
      回购: 1,
      靠谱: 1,
      老顾客: 1,
      再来: 1,
      骗子: -1,
      拉黑: -1,
      避雷: -1,
      再也不: -1,
    },
  },
};

/** Opinions that judge whatever aspect is nearest; some have a fallback. */
const GENERAL_OPINIONS: { en: Opinions; zh: Opinions } = {
  en: {
    good: 1,
    great: 1,
    excellent: 1,
    amazing: 1,
    love: 1,
    loved: 1,
    loves: 1,
    perfect: 1,
    nice: 1,
    wonderful: 1,
    fantastic: 1,
    happy: 1,
    satisfied: 1,
    pleased: 1,
    impressed: 1,
    best: 1,
    awesome: 1,
    superb: 1,
    lovely: 1,
    beautiful: 1,
    outstanding: 1,
    fine: 1,
    fair: 1,
    easy: 1,
    smoothly: 1,
    bad: -1,
    poor: -1,
    terrible: -1,
    awful: -1,
    horrible: -1,
    disappointing: -1,
    disappointed: -1,
    worst: -1,
    broken: -1,
    unhappy: -1,
    mediocre: -1,
    useless: -1,
    waste: -1,
    problem: -1,
    problems: -1,
    issue: -1,
    issues: -1,
    complaint: -1,
    complaints: -1,
    hard: -1,
    difficult: -1,
    wrong: -1,
    'let down': -1,
  },
  zh: {
    好: 1,
    不错: 1,
    棒: 1,
    满意: 1,
    喜欢: 1,
    完美: 1,
    赞: 1,
    优秀: 1,
    惊喜: 1,
    给力: 1,
    漂亮: 1,
    好看: 1,
    放心: 1,
    舒服: 1,
    差: -1,
    糟糕: -1,
    失望: -1,
    垃圾: -1,
    坏: -1,
    烂: -1,
    后悔: -1,
    问题: -1,
    不满: -1,
    一般: -1,
    难: -1,
    错: -1,
  },
};

/** General opinions whose clause usually means one aspect when it names none. */
const FALLBACKS: Readonly<Record<string, AspectKey>> = {
  fast: 'delivery',
  quick: 'delivery',
  quickly: 'delivery',
  speedy: 'delivery',
  slow: 'delivery',
  late: 'delivery',
  快: 'delivery',
  很快: 'delivery',
  迅速: 'delivery',
  慢: 'delivery',
  recommend: 'brand',
  recommended: 'brand',
  推荐: 'brand',
  cheap: 'value',
};

const FALLBACK_POLARITY: Readonly<Record<string, 1 | -1>> = {
  fast: 1,
  quick: 1,
  quickly: 1,
  speedy: 1,
  slow: -1,
  late: -1,
  快: 1,
  很快: 1,
  迅速: 1,
  慢: -1,
  recommend: 1,
  recommended: 1,
  推荐: 1,
  cheap: 1,
};

const NEGATORS = {
  en: [
    'not',
    'no',
    'never',
    'hardly',
    'barely',
    'without',
    'nothing',
    'nor',
    'cannot',
    'isnt',
    'wasnt',
    'dont',
    'didnt',
    'doesnt',
    'wont',
    'cant',
    'arent',
    'werent',
    'neither',
  ],
  zh: [
    '不',
    '没',
    '没有',
    '不太',
    '不够',
    '不是很',
    '并不',
    '从不',
    '毫无',
    '无',
    '别',
    '未',
    '不怎么',
    '一点也不',
  ],
};

const CONTRASTS = {
  en: ['but', 'however', 'although', 'though', 'yet', 'except', 'whereas', 'while'],
  zh: ['但', '但是', '不过', '可是', '然而', '就是', '只是', '可惜'],
};

export interface AspectLexicon {
  /** Latin words and phrases, lower case, words joined by one space. */
  readonly en: ReadonlyMap<string, LexiconEntry>;
  readonly zh: ReadonlyMap<string, LexiconEntry>;
  /** The longest entry, in words (en) or characters (zh). */
  readonly longestEn: number;
  readonly longestZh: number;
}

function add(map: Map<string, LexiconEntry>, term: string, entry: LexiconEntry): void {
  // The first definition wins, so aspect-bound opinions beat general ones.
  if (!map.has(term)) map.set(term, entry);
}

/** Builds the lookup tables once; the data above is the whole vocabulary. */
export function buildAspectLexicon(): AspectLexicon {
  const en = new Map<string, LexiconEntry>();
  const zh = new Map<string, LexiconEntry>();
  for (const language of ['en', 'zh'] as const) {
    const map = language === 'en' ? en : zh;
    for (const term of NEGATORS[language]) add(map, term, { kind: 'negator' });
    for (const term of CONTRASTS[language]) add(map, term, { kind: 'contrast' });
    for (const [aspect, byLanguage] of Object.entries(ASPECT_OPINIONS) as [
      AspectKey,
      { en: Opinions; zh: Opinions },
    ][]) {
      for (const [term, polarity] of Object.entries(byLanguage[language]))
        add(map, term, { kind: 'opinion', polarity, aspect });
    }
    for (const [term, polarity] of Object.entries(FALLBACK_POLARITY)) {
      if (/[a-z]/.test(term) === (language === 'en'))
        add(map, term, { kind: 'opinion', polarity, fallback: FALLBACKS[term] as AspectKey });
    }
    for (const [term, polarity] of Object.entries(GENERAL_OPINIONS[language]))
      add(map, term, { kind: 'opinion', polarity });
    for (const [aspect, byLanguage] of Object.entries(ASPECT_TERMS) as [
      AspectKey,
      { en: string[]; zh: string[] },
    ][]) {
      for (const term of byLanguage[language]) add(map, term, { kind: 'aspect', aspect });
    }
  }
  const longest = (map: Map<string, LexiconEntry>, measure: (term: string) => number) =>
    Math.max(...[...map.keys()].map(measure));
  return {
    en,
    zh,
    longestEn: longest(en, (term) => term.split(' ').length),
    longestZh: longest(zh, (term) => [...term].length),
  };
}
