import type { Meta, StoryObj } from '@storybook/preact-vite';
import { createIdempotencyKey } from '@koubei/core';
import { waitFor } from 'storybook/test';
import { framed } from '../shared/framed.tsx';
import type { Scenario } from '../stories/fixture-api.ts';
import { photo } from '../stories/fixtures.ts';
import { storyKoubei } from '../stories/story-koubei.ts';
import type { FormDraft } from './form-draft.ts';
import { ReviewForm } from './ReviewForm.tsx';

const Framed = framed(ReviewForm);
const PRODUCT = 'teapot-celadon';
const DRAFT_KEY = `koubei:draft:v1:tea-house:${PRODUCT}`;

type DraftSeed = 'none' | 'filled' | 'photos';

interface Args {
  scenario: Scenario;
  /** What the form finds in storage when it opens, as after a reload. */
  draft: DraftSeed;
  incentivised: boolean;
  tokens?: Record<string, string>;
}

function seededDraft(seed: DraftSeed): FormDraft | null {
  if (seed === 'none') return null;
  return {
    rating: 4,
    title: 'Pours without a drip',
    body: 'The glaze is even deeper in person. It keeps tea warm for a good while and the lid sits snugly. Slightly smaller than I expected.',
    authorName: 'Mei L.',
    email: 'mei@example.com',
    recommends: true,
    aspects: { quality: 5, value: 4 },
    photos:
      seed === 'photos'
        ? [1, 2].map((n) => ({
            id: `story-photo-${n}`,
            thumbnailUrl: photo('story', n).thumbnailUrl,
          }))
        : [],
    consent: true,
    idempotencyKey: createIdempotencyKey(),
  };
}

/** Stories share one product's draft: each one starts from its own seed, dated by the story's clock. */
function seedStorage(seed: DraftSeed, now: number): void {
  const draft = seededDraft(seed);
  if (draft) localStorage.setItem(DRAFT_KEY, JSON.stringify({ v: 1, savedAt: now, draft }));
  else localStorage.removeItem(DRAFT_KEY);
}

/** The form inside the story's shadow root, once it has rendered. */
async function formIn(canvasElement: HTMLElement): Promise<HTMLFormElement> {
  return waitFor(() => {
    const form = canvasElement.querySelector('div')?.shadowRoot?.querySelector('form');
    if (!form) throw new Error('The form has not rendered yet');
    return form;
  });
}

async function pressSubmit({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const form = await formIn(canvasElement);
  form.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

const meta: Meta<Args> = {
  title: 'Widgets/Review form',
  args: { scenario: 'normal', draft: 'none', incentivised: false, tokens: {} },
  argTypes: {
    scenario: {
      control: 'select',
      options: ['normal', 'pending', 'loading', 'error', 'offline'],
      description: 'How the fixture API answers (pending: reviews wait for moderation)',
    },
    draft: { control: 'select', options: ['none', 'filled', 'photos'] },
    tokens: {
      control: 'object',
      description: 'Theme tokens, e.g. {"--koubei-color-accent": "#0f766e"}',
    },
  },
  render: ({ scenario, draft, incentivised }, { globals }) => {
    const koubei = storyKoubei(scenario, globals.locale);
    seedStorage(draft, koubei.now());
    return (
      <Framed
        koubei={koubei}
        product={PRODUCT}
        productName="Celadon teapot"
        incentivised={incentivised}
        termsHref="https://shop.example/review-terms"
        theme={globals.theme}
      />
    );
  },
};
export default meta;

type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

/** A draft restored from storage, as after a reload. */
export const Filled: Story = { args: { draft: 'filled' } };

/** Two photos restored from the draft, and one more picked: it resizes, uploads and shows progress. */
export const WithPhotos: Story = {
  args: { draft: 'photos' },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    const input = form.querySelector<HTMLInputElement>('input[type="file"]');
    const blob = await (await fetch(photo('story', 3).url)).blob();
    const files = new DataTransfer();
    files.items.add(new File([blob], 'teapot.png', { type: 'image/png' }));
    if (!input) return;
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  },
};

export const ValidationErrors: Story = { play: pressSubmit };

/** The server never answers: the button says so and ignores further presses. */
export const Sending: Story = { args: { draft: 'filled', scenario: 'loading' }, play: pressSubmit };

export const SuccessPublished: Story = { args: { draft: 'filled' }, play: pressSubmit };

export const SuccessPending: Story = {
  args: { draft: 'filled', scenario: 'pending' },
  play: pressSubmit,
};

/** After the client's own retries (same Idempotency-Key), the form offers Retry and keeps the draft. */
export const ServerError: Story = {
  args: { draft: 'filled', scenario: 'error' },
  play: pressSubmit,
};

export const Offline: Story = { args: { draft: 'filled', scenario: 'offline' }, play: pressSubmit };

/** The shopper was offered something for the review: the form says it is shown with it. */
export const Incentivised: Story = { args: { incentivised: true } };

export const Chinese: Story = { globals: { locale: 'zh-CN' } };
export const ChineseErrors: Story = { globals: { locale: 'zh-CN' }, play: pressSubmit };
export const Dark: Story = { args: { draft: 'filled' }, globals: { theme: 'dark' } };
export const RightToLeft: Story = { args: { draft: 'filled' }, globals: { dir: 'rtl' } };
