// The tea shop's own catalogue. Product ids and names come from the demo
// store the API server seeds, so every card has reviews behind it; prices,
// sections and descriptions are the shop's business, kept here.
import { DEMO_PRODUCTS, DEMO_REFERRAL, DEMO_STORE } from '../../server/src/seed/demo-data.ts';

export type ShopLanguage = 'en' | 'zh';
export type Section = 'teaware' | 'tea' | 'accessories';

export interface Product {
  readonly id: string;
  readonly name: Record<ShopLanguage, string>;
  readonly section: Section;
  /** Price in yuan (CNY), whole units. */
  readonly price: number;
  /** Two colours for the product picture (a drawn stand-in for a photo). */
  readonly colours: readonly [string, string];
}

export const STORE_ID = DEMO_STORE.id;
/** The shop plays a signed-in customer, Mei, whose invitations the seed fills in every state. */
export const SIGNED_IN_CUSTOMER = DEMO_REFERRAL.customer.id;

const SHOP_DETAILS: Record<string, { section: Section; price: number; colours: [string, string] }> =
  {
    'teapot-celadon': { section: 'teaware', price: 368, colours: ['#7fb3a3', '#d9efe6'] },
    'teapot-yixing': { section: 'teaware', price: 888, colours: ['#8a4b2d', '#e6b999'] },
    'gaiwan-white': { section: 'teaware', price: 128, colours: ['#c9d3dc', '#ffffff'] },
    'cup-set-blue': { section: 'teaware', price: 198, colours: ['#2f5d9a', '#e3ecf8'] },
    'kettle-cast-iron': { section: 'teaware', price: 620, colours: ['#33363b', '#8d939b'] },
    'tea-tray-bamboo': { section: 'accessories', price: 258, colours: ['#a68a4b', '#efe2b8'] },
    'longjing-2026': { section: 'tea', price: 428, colours: ['#6f8f3a', '#dcebb8'] },
    'pu-erh-cake': { section: 'tea', price: 560, colours: ['#5a3a22', '#c79a6b'] },
    'jasmine-pearls': { section: 'tea', price: 168, colours: ['#b9c77a', '#fbfbe9'] },
    'oolong-tieguanyin': { section: 'tea', price: 238, colours: ['#4f7a3c', '#c7e0a4'] },
    'white-peony': { section: 'tea', price: 188, colours: ['#a9b59a', '#f4f2e6'] },
    'black-dianhong': { section: 'tea', price: 158, colours: ['#8a3b1f', '#e8a878'] },
    'travel-tea-set': { section: 'teaware', price: 219, colours: ['#6b6f8a', '#d6d8ea'] },
    'glass-teapot': { section: 'teaware', price: 139, colours: ['#8fc1d4', '#f0fafd'] },
    'tea-caddy-tin': { section: 'accessories', price: 298, colours: ['#8c9196', '#e4e7ea'] },
    'tea-pet-frog': { section: 'accessories', price: 88, colours: ['#7a5230', '#d4a77a'] },
    'strainer-silver': { section: 'accessories', price: 178, colours: ['#9aa3ab', '#f1f3f5'] },
    'fairness-cup': { section: 'teaware', price: 98, colours: ['#9cc6c0', '#effaf8'] },
    'matcha-whisk': { section: 'accessories', price: 118, colours: ['#b59a5a', '#f3e8c8'] },
    'matcha-ceremonial': { section: 'tea', price: 268, colours: ['#4e8a2e', '#bfe39a'] },
    'gift-box-spring': { section: 'tea', price: 688, colours: ['#b23a3a', '#f5c9b8'] },
    'tea-towel-linen': { section: 'accessories', price: 58, colours: ['#b7a68c', '#f2ece1'] },
    'incense-holder': { section: 'accessories', price: 76, colours: ['#7e6a5a', '#e0d2c4'] },
    'tea-table-runner': { section: 'accessories', price: 238, colours: ['#7d2f4f', '#e9c0cf'] },
  };

export const PRODUCTS: readonly Product[] = DEMO_PRODUCTS.map((product) => {
  const details = SHOP_DETAILS[product.id];
  if (!details) throw new Error(`The shop has no price for ${product.id}`);
  return {
    id: product.id,
    name: { en: product.en, zh: product.zh },
    section: details.section,
    price: details.price,
    colours: details.colours,
  };
});

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}
