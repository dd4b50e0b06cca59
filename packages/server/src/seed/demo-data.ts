// The demo store's catalogue and the voices of its customers, in Chinese and
// English. Deterministic: the same seed gives the same shop every time.

export const DEMO_STORE = { id: 'tea-house', name: 'Tea House 茶舍' };

export const DEMO_PRODUCTS: readonly { id: string; en: string; zh: string }[] = [
  { id: 'teapot-celadon', en: 'Celadon teapot', zh: '青瓷茶壶' },
  { id: 'teapot-yixing', en: 'Yixing clay teapot', zh: '宜兴紫砂壶' },
  { id: 'gaiwan-white', en: 'White porcelain gaiwan', zh: '白瓷盖碗' },
  { id: 'cup-set-blue', en: 'Blue-and-white cup set', zh: '青花茶杯套装' },
  { id: 'kettle-cast-iron', en: 'Cast-iron kettle', zh: '铸铁壶' },
  { id: 'tea-tray-bamboo', en: 'Bamboo tea tray', zh: '竹制茶盘' },
  { id: 'longjing-2026', en: 'Longjing green tea 2026', zh: '2026 明前龙井' },
  { id: 'pu-erh-cake', en: 'Aged pu-erh cake', zh: '陈年普洱饼' },
  { id: 'jasmine-pearls', en: 'Jasmine pearls', zh: '茉莉龙珠' },
  { id: 'oolong-tieguanyin', en: 'Tieguanyin oolong', zh: '安溪铁观音' },
  { id: 'white-peony', en: 'White peony tea', zh: '白牡丹' },
  { id: 'black-dianhong', en: 'Dianhong black tea', zh: '滇红' },
  { id: 'travel-tea-set', en: 'Travel tea set', zh: '便携旅行茶具' },
  { id: 'glass-teapot', en: 'Heat-proof glass teapot', zh: '耐热玻璃茶壶' },
  { id: 'tea-caddy-tin', en: 'Tin tea caddy', zh: '锡制茶叶罐' },
  { id: 'tea-pet-frog', en: 'Lucky frog tea pet', zh: '招财蟾蜍茶宠' },
  { id: 'strainer-silver', en: 'Silver tea strainer', zh: '银质茶滤' },
  { id: 'fairness-cup', en: 'Fairness pitcher', zh: '公道杯' },
  { id: 'matcha-whisk', en: 'Bamboo matcha whisk', zh: '竹制抹茶刷' },
  { id: 'matcha-ceremonial', en: 'Ceremonial matcha', zh: '礼仪级抹茶' },
  { id: 'gift-box-spring', en: 'Spring tea gift box', zh: '春茶礼盒' },
  { id: 'tea-towel-linen', en: 'Linen tea towel', zh: '亚麻茶巾' },
  { id: 'incense-holder', en: 'Ceramic incense holder', zh: '陶瓷香插' },
  { id: 'tea-table-runner', en: 'Silk table runner', zh: '真丝桌旗' },
];

export const DEMO_VOICES: readonly {
  language: 'en' | 'zh-CN';
  author: string;
  title: string;
  body: string;
  rating: number;
}[] = [
  {
    language: 'en',
    author: 'Sam Patel',
    title: 'Keeps tea hot for hours',
    body: 'The double wall really works. My jasmine tea was still warm after my morning meetings.',
    rating: 5,
  },
  {
    language: 'zh-CN',
    author: '王芳',
    title: '保温效果很好',
    body: '早上泡的茉莉花茶，开完会还是热的。包装也很用心，送人很体面。',
    rating: 5,
  },
  {
    language: 'en',
    author: 'Olivia Chen',
    title: 'Pretty, but the lid is tight',
    body: 'Beautiful glaze and a clean pour. The lid needed some force at first; it loosened after a week of use.',
    rating: 4,
  },
  {
    language: 'zh-CN',
    author: '李伟',
    title: '颜值高',
    body: '釉色很漂亮，出水顺畅。盖子一开始有点紧，用了一周就好了。',
    rating: 4,
  },
  {
    language: 'en',
    author: 'Jonas Berg',
    title: 'Arrived with a chip',
    body: 'The spout was chipped on arrival. Support replaced it within three days, so I am happy in the end.',
    rating: 3,
  },
  {
    language: 'zh-CN',
    author: '张敏',
    title: '物流很快',
    body: '下单第二天就到了，做工精细，父母很喜欢。',
    rating: 5,
  },
  {
    language: 'en',
    author: 'Aisha Khan',
    title: 'Our everyday pot',
    body: 'We use it every single day. Easy to clean, no stains so far, and it looks lovely on the table.',
    rating: 5,
  },
  {
    language: 'zh-CN',
    author: '陈静',
    title: '性价比高',
    body: '这个价格能买到这样的品质很划算，已经推荐给同事了。',
    rating: 5,
  },
  {
    language: 'en',
    author: 'Marco Rossi',
    title: 'Not for me',
    body: 'The taste was flatter than I hoped. Well packed and fast, but I will try another harvest next time.',
    rating: 2,
  },
  {
    language: 'zh-CN',
    author: '赵磊',
    title: '和描述有差距',
    body: '茶汤偏淡，和页面描述的香气有差距。客服态度很好，给了退款。',
    rating: 2,
  },
  {
    language: 'en',
    author: 'Hannah Lee',
    title: 'A thoughtful gift',
    body: 'Gave it to my grandmother for her birthday. She makes her morning tea with it now and calls me about it.',
    rating: 5,
  },
  {
    language: 'zh-CN',
    author: '孙悦',
    title: '回购第三次了',
    body: '一直在这家买，品质稳定，每次都有小惊喜。',
    rating: 5,
  },
  {
    language: 'en',
    author: 'Tom Walker',
    title: 'Broke after a month',
    body: 'The handle cracked after a month of normal use. Disappointed for the price.',
    rating: 1,
  },
  {
    language: 'zh-CN',
    author: '周婷',
    title: '还不错',
    body: '整体不错，就是发货慢了两天。',
    rating: 4,
  },
];

export const DEMO_REPLIES = {
  en: 'Thank you for telling us. We have sent a replacement and improved our packing for fragile items.',
  'zh-CN': '感谢您的反馈！我们已为您补发，并改进了易碎品的包装。',
} as const;

export const DEMO_TESTIMONIALS = [
  {
    id: 't1',
    quote: 'The best tea set we have bought. Guests always ask where it is from.',
    author: 'Mei Lin',
    role: 'Tea house owner',
    company: 'Lin’s Tea Room',
    rating: 5,
    language: 'en',
    source: 'review',
    featured: true,
  },
  {
    id: 't2',
    quote: '客服非常耐心，退换货也很方便，会继续回购。',
    author: '赵雷',
    role: null,
    company: null,
    rating: 5,
    language: 'zh-CN',
    source: 'survey',
    featured: true,
  },
  {
    id: 't3',
    quote: 'Beautiful craftsmanship and fast delivery to Berlin.',
    author: 'Jonas Berg',
    role: null,
    company: null,
    rating: null,
    language: 'en',
    source: 'social',
    featured: false,
  },
  {
    id: 't4',
    quote: 'I gifted three of these for the New Year. Everyone loved them.',
    author: 'Priya N.',
    role: 'Repeat customer',
    company: null,
    rating: 4,
    language: 'en',
    source: 'review',
    featured: false,
  },
  {
    id: 't5',
    quote: '包装精美，适合送礼。',
    author: '孙悦',
    role: null,
    company: null,
    rating: 5,
    language: 'zh-CN',
    source: 'review',
    featured: false,
  },
  {
    id: 't6',
    quote: 'Their Longjing tastes like the spring I remember from Hangzhou.',
    author: 'Wei Zhang',
    role: 'Tea blogger',
    company: null,
    rating: 5,
    language: 'en',
    source: 'social',
    featured: true,
  },
] as const;

/** Colours of the demo's customer photos (warm clay, celadon, bamboo, …). */
export const PHOTO_PALETTE: readonly [
  readonly [number, number, number],
  readonly [number, number, number],
][] = [
  [
    [196, 120, 60],
    [250, 220, 170],
  ],
  [
    [60, 120, 110],
    [190, 230, 215],
  ],
  [
    [120, 140, 60],
    [220, 235, 180],
  ],
  [
    [40, 70, 140],
    [190, 210, 240],
  ],
  [
    [90, 70, 60],
    [210, 190, 170],
  ],
  [
    [170, 60, 70],
    [245, 200, 205],
  ],
];

/**
 * The demo's referral programme and the people around Mei, the signed-in
 * customer of the demo storefront: whom she invited (an invitation in every
 * state), who invited her, whom she knows, and what they bought and rated.
 */
export const DEMO_REFERRAL = {
  programme: {
    name: 'Share the tea 分享好茶',
    conversion: 'purchase' as const,
    inviterReward: { kind: 'amount' as const, amountMinor: 2000, currency: 'CNY' },
    inviteeReward: {
      kind: 'coupon' as const,
      description: '¥20 off your first order 首单立减 20 元',
    },
    tiers: [{ conversions: 3, inviterReward: { kind: 'points' as const, points: 500 } }],
    maxRewardsPerInviter: 20,
    maxInvitesPerDay: 20,
  },
  /** The demo storefront's signed-in customer; the seed prints a token for her. */
  customer: { id: 'demo-mei', code: 'MEITEA26', name: '林美', email: 'mei.lin@example.com' },
  /** Mei's inviter. */
  inviter: { id: 'demo-jun', code: 'JUNTEA26', name: '王俊', email: 'jun.wang@example.com' },
  /** The products Mei's friends recommend (the first is the demo product page). */
  products: ['teapot-celadon', 'jasmine-pearls', 'longjing-2026'],
  /**
   * Mei's friends. `via`: how they know her; `state`: where her invitation to
   * them stands; `consents`: shown by name to friends; `rates`: a 4★+ review
   * of the first product; `buys`: purchases of the first products.
   */
  friends: [
    {
      id: 'demo-ann',
      name: 'Ann Lee',
      email: 'ann.lee@example.com',
      via: 'invited',
      state: 'rewarded',
      consents: true,
      rates: true,
      buys: 2,
    },
    {
      id: 'demo-hao',
      name: '陈浩',
      email: 'hao.chen@example.com',
      via: 'invited',
      state: 'rewarded',
      consents: true,
      rates: false,
      buys: 3,
    },
    {
      id: 'demo-lei',
      name: 'Li Lei',
      email: 'li.lei@qq.com',
      via: 'invited',
      state: 'rewarded',
      consents: false,
      rates: true,
      buys: 1,
    },
    {
      id: 'demo-yu',
      name: '张雨',
      email: 'yu.zhang@163.com',
      via: 'invited',
      state: 'purchased',
      consents: false,
      rates: false,
      buys: 1,
    },
    {
      id: 'demo-sara',
      name: 'Sara Kim',
      email: 'sara.kim@example.com',
      via: 'invited',
      state: 'signed-up',
      consents: true,
      rates: false,
      buys: 0,
    },
    {
      id: 'demo-jun',
      name: '王俊',
      email: 'jun.wang@example.com',
      via: 'inviter',
      state: null,
      consents: true,
      rates: true,
      buys: 1,
    },
    {
      id: 'demo-tom',
      name: 'Tom Wu',
      email: 'tom.wu@example.com',
      via: 'connection',
      state: null,
      consents: false,
      rates: false,
      buys: 2,
    },
    {
      id: 'demo-xin',
      name: '刘欣',
      email: 'xin.liu@example.com',
      via: 'connection',
      state: null,
      consents: true,
      rates: false,
      buys: 0,
    },
  ],
  /** Invitations that have not turned into customers yet. */
  pending: [
    { state: 'invited' as const, email: 'wei.zhou@qq.com', device: null },
    { state: 'visited' as const, email: null, device: 'demo-device-visitor-1' },
    { state: 'visited' as const, email: null, device: 'demo-device-visitor-2' },
  ],
} as const;
