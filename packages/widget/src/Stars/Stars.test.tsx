import { ALL_MESSAGES, createTranslator, emptySummary } from '@koubei/core';
import type { ProductSummary } from '@koubei/core';
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { StarsView } from './StarsView.tsx';

const summary: ProductSummary = {
  product: 'sku-1',
  count: 128,
  mean: 4.56,
  bayesianMean: 4.4,
  histogram: [2, 3, 10, 30, 83],
  photoShare: 0.2,
  recommendRate: 0.9,
  aspects: [],
};
const en = createTranslator({ locale: 'en', messages: ALL_MESSAGES });
const zh = createTranslator({ locale: 'zh-CN', messages: ALL_MESSAGES });

function fillWidth(container: Element): string {
  const filled = container.querySelector('[part="stars"] > span') as HTMLElement;
  return filled.style.width;
}

describe('Stars', () => {
  it('is one image named with the rating and count', () => {
    const { container } = render(<StarsView summary={summary} t={en} />);
    expect(screen.getByRole('img', { name: '4.6 out of 5, 128 reviews' })).toBeTruthy();
    expect(fillWidth(container)).toBe('91.2%');
  });

  it('speaks Chinese', () => {
    render(<StarsView summary={summary} t={zh} />);
    expect(screen.getByRole('img', { name: '4.6 星（满分 5 星），128 条评价' })).toBeTruthy();
  });

  it('links to the reviews when given a safe link, resolving paths on the page', () => {
    render(
      <StarsView
        summary={summary}
        t={en}
        href="/p/sku-1#reviews"
        baseUrl="https://shop.example/list"
      />,
    );
    const link = screen.getByRole('link', { name: '4.6 out of 5, 128 reviews' });
    expect(link.getAttribute('href')).toBe('https://shop.example/p/sku-1#reviews');
  });

  it.each(['javascript:alert(1)', '//evil.example/x', 'data:text/html,x'])(
    'drops the unsafe link %s',
    (href) => {
      render(<StarsView summary={summary} t={en} href={href} baseUrl="https://shop.example/" />);
      expect(screen.queryByRole('link')).toBeNull();
      expect(screen.getByRole('img', { name: /out of 5/ })).toBeTruthy();
    },
  );

  it('shows a skeleton of the final size while loading, hidden from screen readers', () => {
    const { container } = render(<StarsView summary={null} t={en} />);
    const skeleton = container.querySelector('[part="skeleton"]');
    expect(skeleton?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('renders nothing for a product without reviews unless asked', () => {
    const { container } = render(<StarsView summary={emptySummary('sku-2')} t={en} />);
    expect(container.textContent).toBe('');
    render(<StarsView summary={emptySummary('sku-2')} t={en} showEmpty />);
    expect(screen.getByRole('img', { name: 'No reviews yet' })).toBeTruthy();
  });

  it('keeps the fill within 0–100% for impossible means', () => {
    for (const mean of [7, -1, Number.NaN]) {
      const { container, unmount } = render(<StarsView summary={{ ...summary, mean }} t={en} />);
      const width = Number.parseFloat(fillWidth(container));
      expect(width).toBeGreaterThanOrEqual(0);
      expect(width).toBeLessThanOrEqual(100);
      unmount();
    }
  });
});
