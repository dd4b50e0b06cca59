import type { KoubeiClient, Testimonial } from '@koubei/core';
import { createKoubeiClient } from '@koubei/core';
import { render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { framed } from '../shared/framed.tsx';
import type { KoubeiServices } from '../shared/services.ts';
import { TESTIMONIALS } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { TestimonialWall, initials } from './TestimonialWall.tsx';

const Wall = framed(TestimonialWall);
const [MEI, ZHAO, JONAS, PRIYA] = TESTIMONIALS as [
  Testimonial,
  Testimonial,
  Testimonial,
  Testimonial,
];

/** Services whose real client is answered with `items` (validation included). */
function serving(items: readonly Testimonial[], locale = 'en'): KoubeiServices {
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
  return { ...storyKoubei('normal', locale), client: () => Promise.resolve(client) };
}

const authors = () =>
  screen.getAllByRole('figure').map((card) => card.querySelector('bdi')?.textContent);

describe('TestimonialWall', () => {
  it('shows the title and every testimonial, featured first, otherwise in the given order', async () => {
    render(<Wall koubei={serving([JONAS, MEI, PRIYA, ZHAO])} />);
    await screen.findAllByRole('figure');
    expect(screen.getByRole('region', { name: 'What our customers say' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'What our customers say' })).toBeTruthy();
    expect(authors()).toEqual(['Mei Lin', '赵雷', 'Jonas Berg', 'Priya N.']);
    const [first, , third] = screen.getAllByRole('figure') as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(within(first).getByText('Featured')).toBeTruthy();
    expect(within(third).queryByText('Featured')).toBeNull();
  });

  it('shows the quote, author, role, company, rating and source of a card', async () => {
    render(<Wall koubei={serving([MEI, JONAS])} />);
    const card = (await screen.findAllByRole('figure'))[0] as HTMLElement;
    expect(within(card).getByText(MEI.quote).getAttribute('dir')).toBe('auto');
    expect(within(card).getByText('Mei Lin').tagName).toBe('BDI');
    expect(within(card).getByText('Tea house owner')).toBeTruthy();
    expect(within(card).getByText('Lin’s Tea Room')).toBeTruthy();
    expect(within(card).getByRole('img', { name: 'Rated 5 out of 5' })).toBeTruthy();
    expect(within(card).getByText('From a review')).toBeTruthy();
    // Jonas gave no rating: no stars at all.
    const jonas = screen.getAllByRole('figure')[1] as HTMLElement;
    expect(within(jonas).queryByRole('img')).toBeNull();
    expect(within(jonas).getByText('From social media')).toBeTruthy();
  });

  it('shows only featured testimonials when asked', async () => {
    render(<Wall koubei={serving(TESTIMONIALS)} featuredOnly />);
    await screen.findAllByRole('figure');
    expect(authors()).toEqual(['Mei Lin', '赵雷']);
  });

  it('shows a safe avatar, and initials instead of a javascript: one', async () => {
    render(
      <Wall
        koubei={serving([
          { ...MEI, avatarUrl: 'https://cdn.example/mei.png' },
          { ...PRIYA, avatarUrl: 'javascript:alert(1)' },
        ])}
      />,
    );
    const [mei, priya] = (await screen.findAllByRole('figure')) as [HTMLElement, HTMLElement];
    // Decorative (alt=""): the name is right beside it.
    const img = mei.querySelector('img') as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('https://cdn.example/mei.png');
    expect(img.getAttribute('alt')).toBe('');
    expect(priya.querySelector('img')).toBeNull();
    const badge = within(priya).getByText('PN');
    expect(badge.getAttribute('aria-hidden')).toBe('true');
  });

  it('links a safe source with ugc rel values, showing its host, and drops an unsafe one', async () => {
    render(
      <Wall
        koubei={serving([
          { ...MEI, sourceUrl: 'https://www.instagram.com/p/abc?x=1' },
          { ...JONAS, sourceUrl: 'javascript:alert(1)' },
          { ...PRIYA, sourceUrl: 'http://tracker.example/x' },
        ])}
      />,
    );
    await screen.findAllByRole('figure');
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    const link = screen.getByRole('link', { name: 'www.instagram.com' });
    expect(link.getAttribute('href')).toBe('https://www.instagram.com/p/abc?x=1');
    expect(link.getAttribute('rel')?.split(' ').sort()).toEqual(
      ['nofollow', 'noopener', 'noreferrer', 'ugc'].sort(),
    );
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('shows hostile text as text', async () => {
    const hostile = {
      ...MEI,
      quote: '<script>alert(1)</script><img src=x onerror=alert(1)>',
      authorName: 'Jane\u202Eyub deifirev',
      authorRole: '<b>boss</b>',
    };
    const { container } = render(<Wall koubei={serving([hostile])} />);
    expect(await screen.findByText(hostile.quote)).toBeTruthy();
    expect(screen.getByText('<b>boss</b>')).toBeTruthy();
    expect(container.querySelector('script, b, img')).toBeNull();
    // The direction override is not among the initials.
    expect(screen.getByText('JD')).toBeTruthy();
  });

  it('shows one testimonial at a time as a carousel', async () => {
    render(<Wall koubei={serving(TESTIMONIALS)} variant="carousel" />);
    const carousel = await screen.findByRole('region', { name: 'What our customers say' });
    expect(carousel.getAttribute('aria-roledescription')).toBe('carousel');
    expect(within(carousel).getAllByRole('group', { name: /^\d of 5$/ })).toHaveLength(5);
    await userEvent.click(screen.getByRole('button', { name: 'Next slide' }));
    expect(screen.getByRole('button', { name: 'Go to slide 2' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect(screen.getByRole('status').textContent).toBe('2 of 5');
  });

  it('says so when there are no testimonials', async () => {
    render(<Wall koubei={storyKoubei('empty')} />);
    expect(await screen.findByText('No testimonials yet.')).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('shows only the title while loading', () => {
    render(<Wall koubei={storyKoubei('loading')} />);
    expect(screen.getByRole('heading', { name: 'What our customers say' })).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('offers a retry when the server fails, and recovers', async () => {
    const failing = storyKoubei('error');
    const healthy = storyKoubei('normal');
    let calls = 0;
    const koubei = {
      ...failing,
      client: (): Promise<KoubeiClient> => (++calls === 1 ? failing : healthy).client(),
    };
    render(<Wall koubei={koubei} />);
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('status').textContent).toContain('could not be loaded');
    await userEvent.click(retry);
    expect((await screen.findAllByRole('figure')).length).toBe(5);
  });

  it('speaks Chinese', async () => {
    render(<Wall koubei={serving(TESTIMONIALS, 'zh-CN')} />);
    expect(await screen.findByRole('heading', { name: '听听顾客怎么说' })).toBeTruthy();
    expect((await screen.findAllByText('精选')).length).toBe(2);
    expect(screen.getAllByText('来自评价').length).toBeGreaterThan(0);
  });
});

describe('initials', () => {
  it.each([
    ['Mei Lin', 'ML'],
    ['Priya N.', 'PN'],
    ['赵雷', '赵'],
    ['  jonas   berg  extra ', 'JB'],
    ['(Ann) "Lee"', 'AL'],
    ['\u202E🎉', ''],
  ])('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});
