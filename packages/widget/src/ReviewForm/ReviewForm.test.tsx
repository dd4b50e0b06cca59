import type { KoubeiClient, UploadedPhoto } from '@koubei/core';
import { HttpError, createKoubeiClient } from '@koubei/core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { framed } from '../shared/framed.tsx';
import type { EmitInput, KoubeiServices } from '../shared/services.ts';
import { createFixtureFetch } from '../stories/fixture-api.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import { WidgetRoot } from '../shared/WidgetRoot.tsx';
import { chunk } from './chunk.tsx';
import type { ReviewFormProps } from './ReviewForm.tsx';
import { ReviewForm } from './ReviewForm.tsx';

const Form = framed(ReviewForm);
const PRODUCT = 'teapot-celadon';
const DRAFT_KEY = `koubei:draft:v1:tea-house:${PRODUCT}`;

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly headers: Headers;
  readonly json: unknown;
}

type Responder = (request: Request, sent: readonly Sent[]) => Promise<Response | undefined>;

const problem = (status: number, extra: object = {}) =>
  new Response(JSON.stringify({ title: 'Problem', status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/**
 * The real client over the fixture API, recording every request; `respond`
 * may answer a request itself (faults), otherwise the fixtures do. No client
 * retries, so the form's own Retry is what is tested.
 */
function setup(options: { locale?: string; respond?: Responder } = {}) {
  const sent: Sent[] = [];
  const fixture = createFixtureFetch('normal');
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const isJson = request.headers.get('content-type')?.includes('json');
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname,
      headers: request.headers,
      json: isJson ? await request.clone().json() : undefined,
    });
    return (await options.respond?.(request, sent)) ?? fixture(request);
  };
  const client = createKoubeiClient({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    fetch,
    readRetries: 0,
    writeRetries: 0,
  });
  const events: EmitInput[] = [];
  const koubei: KoubeiServices = {
    ...storyKoubei('normal', options.locale),
    client: () => Promise.resolve(client),
    emit: (event) => events.push(event),
  };
  const reviewsSent = () =>
    sent.filter((request) => request.method === 'POST' && request.path.endsWith('/reviews'));
  return { koubei, client, sent, events, reviewsSent };
}

function show(koubei: KoubeiServices, props: Partial<ReviewFormProps> = {}) {
  return render(<Form koubei={koubei} product={PRODUCT} {...props} />);
}

const ratingGroup = (name = 'Your rating') => screen.getByRole('radiogroup', { name });

/** The text of everything an element is described by, as a screen reader reads it. */
function description(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.click(within(ratingGroup()).getByRole('radio', { name: '4 stars' }));
  await user.type(screen.getByRole('textbox', { name: 'Your review' }), 'Pours well.');
  await user.type(screen.getByRole('textbox', { name: 'Name shown with your review' }), 'Mei');
  await user.click(screen.getByRole('checkbox', { name: /^I agree/ }));
}

afterEach(() => {
  // Unmounting saves the draft; unmount first, then forget it.
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('ReviewForm rating', () => {
  it('is a radio group of five named stars that arrow keys move through', async () => {
    const user = userEvent.setup();
    show(setup().koubei);
    const group = ratingGroup();
    const radios = within(group).getAllByRole('radio');
    expect(
      radios.map((radio) => radio.getAttribute('aria-label') ?? radio.parentElement?.textContent),
    ).toEqual(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    expect(group.getAttribute('aria-required')).toBe('true');
    // Nothing is checked until the shopper picks, and the form says so.
    expect(radios.every((radio) => !(radio as HTMLInputElement).checked)).toBe(true);
    expect(group.textContent).toContain('No rating yet');

    (radios[0] as HTMLElement).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    const three = within(group).getByRole('radio', { name: '3 stars' }) as HTMLInputElement;
    await waitFor(() => expect(three.checked).toBe(true));
    expect(document.activeElement).toBe(three);
    expect(group.textContent).toContain('3 stars');
    await user.keyboard('{ArrowLeft}');
    await waitFor(() =>
      expect(
        (within(group).getByRole('radio', { name: '2 stars' }) as HTMLInputElement).checked,
      ).toBe(true),
    );
  });

  it('rates aspects in their own groups, which can be cleared again', async () => {
    const user = userEvent.setup();
    show(setup().koubei, { aspects: ['quality', 'value'] });
    const quality = ratingGroup('Quality');
    expect(screen.queryByRole('radiogroup', { name: 'Delivery' })).toBeNull();
    await user.click(within(quality).getByRole('radio', { name: '5 stars' }));
    const clear = within(quality).getByRole('button', { name: 'Clear the Quality rating' });
    await user.click(clear);
    expect(within(quality).queryByRole('button')).toBeNull();
    expect(
      within(quality)
        .getAllByRole('radio')
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
    expect(document.activeElement).toBe(within(quality).getByRole('radio', { name: '1 star' }));
  });
});

describe('ReviewForm validation', () => {
  it('shows each problem next to its field and focuses the first one', async () => {
    const user = userEvent.setup();
    const { koubei, reviewsSent } = setup();
    show(koubei);
    await user.type(screen.getByRole('textbox', { name: 'Email (never shown)' }), 'mei@');
    await user.click(screen.getByRole('button', { name: 'Submit review' }));

    const group = ratingGroup();
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(description(group)).toBe('Choose a star rating.');
    expect(document.activeElement).toBe(within(group).getByRole('radio', { name: '1 star' }));

    const body = screen.getByRole('textbox', { name: 'Your review' });
    expect(body.getAttribute('aria-invalid')).toBe('true');
    expect(description(body)).toBe('Up to 5,000 characters. Write a few words about the product.');
    const name = screen.getByRole('textbox', { name: 'Name shown with your review' });
    expect(description(name)).toBe('Enter the name to show with your review.');
    const email = screen.getByRole('textbox', { name: 'Email (never shown)' });
    expect(description(email)).toContain('Enter an email address like name@example.com');
    const consent = screen.getByRole('checkbox', { name: /^I agree/ });
    expect(description(consent)).toBe('Agree to publishing your review to send it.');
    expect(screen.getByRole('alert').textContent).toBe('Please correct 5 fields.');
    expect(reviewsSent()).toHaveLength(0);

    // Fixing a field takes its message away.
    await user.type(body, 'Lovely.');
    expect(body.getAttribute('aria-invalid')).toBeNull();
    expect(description(body)).toBe('Up to 5,000 characters.');
  });

  it('says so in Chinese, and focuses the first invalid field in order', async () => {
    const user = userEvent.setup();
    show(setup({ locale: 'zh-CN' }).koubei);
    await user.click(within(ratingGroup('您的评分')).getByRole('radio', { name: '5 星' }));
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    const body = screen.getByRole('textbox', { name: '评价内容' });
    expect(document.activeElement).toBe(body);
    expect(description(body)).toBe('最多 5,000 个字符。 请写几句对商品的评价。');
    expect(description(screen.getByRole('textbox', { name: '显示的昵称' }))).toBe(
      '请填写要显示的昵称。',
    );
    expect(screen.getByRole('alert').textContent).toBe('请修正 3 处问题。');
  });

  it('counts the review’s length and flags text over the limit', async () => {
    const user = userEvent.setup();
    show(setup().koubei);
    const body = screen.getByRole('textbox', { name: 'Your review' });
    await user.click(body);
    await user.paste('x'.repeat(5003));
    expect(screen.getByText('5,003 / 5,000')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(description(body)).toContain('A review has at most 5,000 characters.');
  });

  it('shows the server’s field problems the same way', async () => {
    const user = userEvent.setup();
    const { koubei } = setup({
      respond: async (request) =>
        request.method === 'POST' && request.url.endsWith('/reviews')
          ? problem(422, { errors: [{ path: 'authorName', message: 'Name not allowed' }] })
          : undefined,
    });
    show(koubei);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    const name = await screen.findByRole('textbox', { name: 'Name shown with your review' });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(description(name)).toBe('Check this field.');
    expect(document.activeElement).toBe(name);
  });
});

describe('ReviewForm sending', () => {
  it('sends the normalised review with an Idempotency-Key, the form token and the honeypot', async () => {
    const user = userEvent.setup();
    const { koubei, reviewsSent, events } = setup();
    show(koubei);
    await user.click(within(ratingGroup()).getByRole('radio', { name: '4 stars' }));
    await user.type(screen.getByRole('textbox', { name: 'Title (optional)' }), '  Lovely   glaze ');
    await user.click(screen.getByRole('textbox', { name: 'Your review' }));
    await user.paste('Pours well.\r\n\r\n\r\n\r\nNo drips.\u200b  ');
    await user.click(within(ratingGroup('Quality')).getByRole('radio', { name: '5 stars' }));
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Name shown with your review' }),
      ' Mei\u202e ',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Email (never shown)' }),
      'mei@example.com',
    );
    await user.click(screen.getByRole('checkbox', { name: /^I agree/ }));
    await user.click(screen.getByRole('button', { name: 'Submit review' }));

    const thanks = await screen.findByText('Thank you! Your review is published.');
    expect(thanks.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(thanks));
    const [request] = reviewsSent();
    expect(reviewsSent()).toHaveLength(1);
    expect(request?.path).toBe(`/v1/tea-house/products/${PRODUCT}/reviews`);
    expect(request?.headers.get('idempotency-key')).toMatch(/^[0-9a-f]{32}$/);
    expect(request?.json).toEqual({
      rating: 4,
      title: 'Lovely glaze',
      body: 'Pours well.\n\nNo drips.',
      authorName: 'Mei',
      email: 'mei@example.com',
      language: 'en',
      recommends: true,
      aspects: [{ aspect: 'quality', rating: 5 }],
      photoIds: [],
      formToken: 'fixture-form-token',
      website: '',
    });
    expect(events.map((event) => event.type)).toEqual(['view', 'submit']);
    expect(events[1]).toEqual({ type: 'submit', widget: 'form', product: PRODUCT });
  });

  it('says when the review waits for moderation', async () => {
    const user = userEvent.setup();
    const { koubei } = setup({
      respond: async (request) =>
        request.method === 'POST' && request.url.endsWith('/reviews')
          ? new Response(JSON.stringify({ reviewId: 'r1', status: 'pending' }), {
              status: 201,
              headers: { 'content-type': 'application/json' },
            })
          : undefined,
    });
    show(koubei);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    const thanks = await screen.findByText(
      'Thank you! Your review will appear once it has been checked.',
    );
    expect(thanks.getAttribute('role')).toBe('status');
  });

  it('retries after a 503 with the same Idempotency-Key', async () => {
    const user = userEvent.setup();
    const { koubei, reviewsSent, events } = setup({
      respond: async (request, sent) =>
        request.method === 'POST' &&
        request.url.endsWith('/reviews') &&
        sent.filter((r) => r.path.endsWith('/reviews')).length === 1
          ? problem(503)
          : undefined,
    });
    show(koubei);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert').textContent).toContain(
      'Sending failed. Your review is kept here; nothing was lost.',
    );
    expect(events.at(-1)).toEqual({
      type: 'submit-error',
      widget: 'form',
      product: PRODUCT,
      detail: { reason: 'http' },
    });
    await user.click(retry);
    expect(await screen.findByText('Thank you! Your review is published.')).toBeTruthy();
    const keys = reviewsSent().map((request) => request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('keeps the draft through a rate limit', async () => {
    const user = userEvent.setup();
    const { koubei } = setup({
      respond: async (request) =>
        request.method === 'POST' && request.url.endsWith('/reviews') ? problem(429) : undefined,
    });
    show(koubei);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert').textContent).toContain(
      'Too many requests. Please try again in a moment.',
    );
    expect(
      (screen.getByRole('textbox', { name: 'Your review' }) as HTMLTextAreaElement).value,
    ).toBe('Pours well.');
  });

  it('sends one review for a double click and Enter', async () => {
    const user = userEvent.setup();
    let answer: () => void = () => undefined;
    const { koubei, reviewsSent } = setup({
      respond: async (request) => {
        if (request.method !== 'POST' || !request.url.endsWith('/reviews')) return undefined;
        await new Promise<void>((resolve) => (answer = resolve));
        return undefined;
      },
    });
    show(koubei);
    await fillIn(user);
    const submit = screen.getByRole('button', { name: 'Submit review' });
    await user.dblClick(submit);
    await user.type(
      screen.getByRole('textbox', { name: 'Name shown with your review' }),
      '{Enter}',
    );
    await waitFor(() => expect(submit.getAttribute('aria-disabled')).toBe('true'));
    expect(submit.textContent).toBe('Sending…');
    await user.click(submit);
    await waitFor(() => expect(reviewsSent()).toHaveLength(1));
    answer();
    expect(await screen.findByText('Thank you! Your review is published.')).toBeTruthy();
    expect(reviewsSent()).toHaveLength(1);
  });
});

describe('ReviewForm draft', () => {
  it('is restored after a remount, kept after a failed send and cleared after success', async () => {
    const user = userEvent.setup();
    let online = false;
    const { koubei, reviewsSent, events } = setup({
      respond: async (request) => {
        if (!online && request.method === 'POST') throw new TypeError('Failed to fetch');
        return undefined;
      },
    });
    const first = show(koubei);
    await fillIn(user);
    await user.click(screen.getByRole('radio', { name: 'No' }));
    first.unmount();
    expect(localStorage.getItem(DRAFT_KEY)).toContain('Pours well.');

    const second = show(koubei);
    expect(
      (screen.getByRole('textbox', { name: 'Your review' }) as HTMLTextAreaElement).value,
    ).toBe('Pours well.');
    expect(
      (within(ratingGroup()).getByRole('radio', { name: '4 stars' }) as HTMLInputElement).checked,
    ).toBe(true);
    expect((screen.getByRole('radio', { name: 'No' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /^I agree/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(await screen.findByText(/You seem to be offline/)).toBeTruthy();
    expect(events.at(-1)?.detail).toEqual({ reason: 'network' });
    second.unmount();
    expect(localStorage.getItem(DRAFT_KEY)).toContain('Pours well.');

    online = true;
    const third = show(koubei);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(await screen.findByText('Thank you! Your review is published.')).toBeTruthy();
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
    // The offline attempt and the send after the reload carry the draft's one key.
    const keys = reviewsSent().map((request) => request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    third.unmount();

    show(koubei);
    expect(
      (screen.getByRole('textbox', { name: 'Your review' }) as HTMLTextAreaElement).value,
    ).toBe('');
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('keeps one Idempotency-Key per draft across reloads', async () => {
    const user = userEvent.setup();
    let fail = true;
    const { koubei, reviewsSent } = setup({
      respond: async (request) =>
        fail && request.method === 'POST' && request.url.endsWith('/reviews')
          ? problem(500)
          : undefined,
    });
    const first = show(koubei);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    await screen.findByRole('button', { name: 'Try again' });
    first.unmount();
    fail = false;
    show(koubei);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    await screen.findByText('Thank you! Your review is published.');
    const [before, after] = reviewsSent().map((r) => r.headers.get('idempotency-key'));
    expect(after).toBe(before);
  });

  it('ignores a draft that storage hands back broken', () => {
    localStorage.setItem(DRAFT_KEY, '{"v":1,"savedAt":0,"draft":{"body":"<b>x</b>"}}');
    show(setup().koubei);
    expect(
      (screen.getByRole('textbox', { name: 'Your review' }) as HTMLTextAreaElement).value,
    ).toBe('');
  });
});

describe('ReviewForm photos', () => {
  const png = (name: string) => new File([new Uint8Array(64)], name, { type: 'image/png' });

  function withFakeUploads(client: KoubeiClient) {
    const attempts: { key: string; release: (fail: boolean) => void }[] = [];
    const uploadPhoto: KoubeiClient['uploadPhoto'] = (_blob, options) =>
      new Promise<UploadedPhoto>((resolve, reject) => {
        options.onProgress?.(0.5);
        attempts.push({
          key: options.idempotencyKey,
          release: (fail) =>
            fail
              ? reject(new HttpError(503, null))
              : resolve({
                  id: `photo${attempts.length}`,
                  url: 'https://cdn.koubei.test/p.jpg',
                  thumbnailUrl: 'https://cdn.koubei.test/p-thumb.jpg',
                  width: 800,
                  height: 600,
                }),
        });
      });
    return { client: { ...client, uploadPhoto }, attempts };
  }

  it('uploads when picked, with progress, and retries a failed photo with its own key', async () => {
    const user = userEvent.setup();
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const setupResult = setup();
    const { client, attempts } = withFakeUploads(setupResult.client);
    const koubei = { ...setupResult.koubei, client: () => Promise.resolve(client) };
    show(koubei);

    await user.upload(screen.getByLabelText('Add photos'), png('cup.png'));
    expect(screen.getByRole('img', { name: 'Your photo 1' }).getAttribute('src')).toMatch(/^blob:/);
    const progress = await screen.findByRole('progressbar', { name: 'Upload of photo 1' });
    await waitFor(() => expect((progress as HTMLProgressElement).value).toBe(0.5));
    await waitFor(() => expect(attempts).toHaveLength(1));

    attempts[0]?.release(true);
    const retry = await screen.findByRole('button', { name: 'Retry photo 1' });
    expect(screen.getByText('Upload failed')).toBeTruthy();

    // Sending now points at the photo rather than sending without it.
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    await waitFor(() => expect(document.activeElement).toBe(retry));
    expect(description(screen.getByLabelText('Add photos'))).toContain(
      'A photo could not be uploaded. Retry or remove it.',
    );

    await user.click(retry);
    await waitFor(() => expect(attempts).toHaveLength(2));
    expect(attempts[1]?.key).toBe(attempts[0]?.key);
    attempts[1]?.release(false);
    expect(await screen.findByText('Uploaded')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    await screen.findByText('Thank you! Your review is published.');
    expect(setupResult.reviewsSent()[0]?.json).toMatchObject({ photoIds: ['photo2'] });
    cleanup();
    expect(revoke).toHaveBeenCalledTimes(1);
  });

  it('waits for a photo still uploading before sending the review', async () => {
    const user = userEvent.setup();
    const setupResult = setup();
    const { client, attempts } = withFakeUploads(setupResult.client);
    show({ ...setupResult.koubei, client: () => Promise.resolve(client) });
    await fillIn(user);
    await user.upload(screen.getByLabelText('Add photos'), png('cup.png'));
    await waitFor(() => expect(attempts).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(screen.getByRole('button', { name: 'Sending…' })).toBeTruthy();
    expect(setupResult.reviewsSent()).toHaveLength(0);
    attempts[0]?.release(false);
    await screen.findByText('Thank you! Your review is published.');
    expect(setupResult.reviewsSent()[0]?.json).toMatchObject({ photoIds: ['photo1'] });
  });

  it('uploads through the real client where the browser cannot stream request bodies', async () => {
    const user = userEvent.setup();
    const { koubei, sent } = setup();
    show(koubei);
    await user.upload(screen.getByLabelText('Add photos'), png('cup.png'));
    expect(await screen.findByText('Uploaded')).toBeTruthy();
    const uploads = sent.filter((request) => request.path.endsWith('/photos'));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('removes a photo, revoking its preview, and keeps at most ten', async () => {
    const user = userEvent.setup();
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    show(setup().koubei);
    const picker = screen.getByLabelText('Add photos');
    await user.upload(
      picker,
      Array.from({ length: 11 }, (_, i) => png(`p${i}.png`)),
    );
    expect(
      within(screen.getByRole('list', { name: 'Your photos' })).getAllByRole('listitem'),
    ).toHaveLength(10);
    expect(screen.getByText('You can add up to 10 photos; the others were left out.')).toBeTruthy();
    const preview = screen.getByRole('img', { name: 'Your photo 1' }).getAttribute('src');
    await user.click(screen.getByRole('button', { name: 'Remove photo 1' }));
    expect(revoke).toHaveBeenCalledWith(preview);
    expect(
      within(screen.getByRole('list', { name: 'Your photos' })).getAllByRole('listitem'),
    ).toHaveLength(9);
    expect(document.activeElement).toBe(picker);
  });
});

describe('ReviewForm anti-bot and disclosure', () => {
  it('keeps the honeypot out of reach of Tab and of screen readers', async () => {
    const user = userEvent.setup();
    const { container } = show(setup().koubei);
    const honeypot = container.querySelector('input[name="website"]');
    expect(honeypot).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Website' })).toBeNull();
    const reached = new Set<Element | null>();
    for (let i = 0; i < 40; i++) {
      await user.tab();
      reached.add(document.activeElement);
    }
    expect(reached.has(honeypot)).toBe(false);
    expect(reached.has(screen.getByRole('button', { name: 'Submit review' }))).toBe(true);
  });

  it('says an incentive is shown with the review, next to the consent', () => {
    show(setup().koubei, { incentivised: true, termsHref: '/review-terms' });
    const consent = screen.getByRole('checkbox', { name: /^I agree/ });
    expect(description(consent)).toMatch(/^You received an incentive/);
    expect(screen.getByRole('link', { name: 'Read the terms' }).getAttribute('href')).toMatch(
      /\/review-terms$/,
    );
  });

  it('has no incentive notice otherwise, and names the product in the heading', () => {
    show(setup().koubei, { productName: 'Celadon teapot' });
    expect(screen.queryByText(/You received an incentive/)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Write a review: Celadon teapot' })).toBeTruthy();
  });
});

describe('ReviewForm script-tag chunk', () => {
  it('reads the placeholder’s attributes and carries its wording in both languages', () => {
    const { koubei } = setup();
    const attributes: Record<string, string> = {
      'product-name': 'Celadon teapot',
      incentivised: '',
      aspects: 'value, nonsense',
    };
    const vnode = chunk.render({
      koubei,
      product: PRODUCT,
      attr: (name) => attributes[name] ?? null,
    });
    render(<WidgetRoot koubei={koubei}>{vnode}</WidgetRoot>);
    expect(screen.getByRole('heading', { name: 'Write a review: Celadon teapot' })).toBeTruthy();
    expect(screen.getByText(/^You received an incentive/)).toBeTruthy();
    expect(ratingGroup('Value')).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: 'Quality' })).toBeNull();
    expect(chunk.render({ koubei, product: undefined, attr: () => null })).toBeNull();
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(Object.keys(chunk.messages[locale] ?? {})).toEqual(
        expect.arrayContaining([
          'form.error.rating',
          'form.ratingValue',
          'state.rateLimited',
          'aspect.value',
        ]),
      );
    }
  });
});
