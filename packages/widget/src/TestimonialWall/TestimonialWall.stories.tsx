import type { Testimonial } from '@koubei/core';
import { createKoubeiClient } from '@koubei/core';
import type { Meta, StoryObj } from '@storybook/preact-vite';
import { framed } from '../shared/framed.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import type { Scenario } from '../stories/fixture-api.ts';
import { TESTIMONIALS } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import type { TestimonialVariant } from './TestimonialWall.tsx';
import { TestimonialWall } from './TestimonialWall.tsx';

const Framed = framed(TestimonialWall);
const origin = typeof location === 'undefined' ? 'http://localhost:6006' : location.origin;

// The fixture API serves the same testimonials for every scenario; these
// scenarios get their own list, still through the real client and its validation.
function testimonialsFor(scenario: Scenario): readonly Testimonial[] | null {
  const [first, second, third] = TESTIMONIALS as [Testimonial, Testimonial, Testimonial];
  switch (scenario) {
    case 'normal':
      return [
        {
          ...first,
          avatarUrl: `${origin}/photos/photo-2-thumb.png`,
          sourceUrl: 'https://www.instagram.com/p/koubei-demo',
        },
        second,
        { ...third, sourceUrl: 'https://social.example/@jonas/1' },
        ...TESTIMONIALS.slice(3),
      ];
    case 'one':
      return [first];
    case 'long':
      return TESTIMONIALS.map((item) => ({
        ...item,
        quote: `${item.quote} `.repeat(40).slice(0, 590).trim(),
        authorRole: 'Head of procurement and hospitality partnerships, Asia-Pacific',
      }));
    case 'hostile':
      return [
        {
          ...first,
          id: 'h1',
          quote: '<script>alert(1)</script><img src=x onerror=alert(1)>\nJane\u202Eyub deifirev',
          authorName: 'Jane\u202Eyub deifirev',
          authorRole: '<b onmouseover=alert(1)>role</b>',
          avatarUrl: 'javascript:alert(1)',
          sourceUrl: 'javascript:alert(1)',
        },
        {
          ...third,
          id: 'h2',
          quote: `${'W'.repeat(300)}\n${'🎉'.repeat(100)}`,
          authorName: '\u202E🎉 ﷽',
          avatarUrl: 'http://tracker.example/pixel.png',
          sourceUrl: 'https://аpple.example/post',
        },
      ];
    default:
      return null;
  }
}

/** storyKoubei(scenario), with a client serving the scenario's testimonials where it has some. */
function wallKoubei(scenario: Scenario, locale?: string): KoubeiServices {
  const koubei = storyKoubei(scenario, locale);
  const items = testimonialsFor(scenario);
  if (!items) return koubei;
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    readRetries: 0,
    fetch: () =>
      Promise.resolve(
        new Response(JSON.stringify({ items }), {
          headers: { 'content-type': 'application/json' },
        }),
      ),
  });
  return { ...koubei, client: () => Promise.resolve(client) };
}

interface Args {
  scenario: Scenario;
  variant: TestimonialVariant;
  featuredOnly: boolean;
  limit: number;
  autoplay: boolean;
  tokens?: Record<string, string>;
}

const meta: Meta<Args> = {
  title: 'Widgets/Testimonial wall',
  args: {
    scenario: 'normal',
    variant: 'grid',
    featuredOnly: false,
    limit: 12,
    autoplay: false,
    tokens: {},
  },
  argTypes: {
    scenario: {
      control: 'select',
      options: ['normal', 'one', 'empty', 'long', 'hostile', 'loading', 'error'],
    },
    variant: { control: 'inline-radio', options: ['grid', 'carousel'] },
    limit: { control: { type: 'range', min: 1, max: 50, step: 1 } },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-accent": "#be123c"}',
    },
  },
  render: ({ scenario, variant, featuredOnly, limit, autoplay }, { globals }) => (
    <Framed
      koubei={wallKoubei(scenario, globals.locale)}
      variant={variant}
      featuredOnly={featuredOnly}
      limit={limit}
      autoplay={autoplay}
      theme={globals.theme}
    />
  ),
};
export default meta;

type Story = StoryObj<typeof meta>;
export const Default: Story = {};
export const AsCarousel: Story = { args: { variant: 'carousel' } };
export const FeaturedOnly: Story = { args: { featuredOnly: true } };
export const OneTestimonial: Story = { args: { scenario: 'one' } };
export const NoTestimonials: Story = { args: { scenario: 'empty' } };
export const Loading: Story = { args: { scenario: 'loading' } };
export const ServerError: Story = { args: { scenario: 'error' } };
export const LongText: Story = { args: { scenario: 'long' } };
/** Markup, direction overrides, a javascript: avatar and link: all text, no image, no link. */
export const HostileText: Story = { args: { scenario: 'hostile' } };
/** Rotates every 6 s; pauses on hover or focus, never under reduced motion. */
export const Autoplay: Story = { args: { variant: 'carousel', autoplay: true } };
export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const Dark: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' } };
export const RightToLeftCarousel: Story = {
  args: { variant: 'carousel' },
  globals: { dir: 'rtl' },
};
