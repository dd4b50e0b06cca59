import { translator } from '../session.ts';

/** Stars as text with a spoken label: "2 out of 5". */
export function Stars({ rating }: { rating: number }) {
  const t = translator.value;
  return (
    <span role="img" aria-label={t.t('console.stars', { rating })}>
      {'★'.repeat(rating)}
      {'☆'.repeat(5 - rating)}
    </span>
  );
}
