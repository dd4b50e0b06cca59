import type { InboxItem, InboxQuery, MessageKey, ModerationReason } from '@koubei/core';
import { BULK_ACTIONS, MODERATION_REASONS, MODERATION_STATUSES, formatDate } from '@koubei/core';
import { useEffect, useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { announce, api, translator } from '../session.ts';
import { attempt } from '../use-load.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { Stars } from './Stars.tsx';

type Filters = Required<Pick<InboxQuery, 'rating' | 'product' | 'status'>> & {
  photos: boolean;
  unanswered: boolean;
};
const NO_FILTERS: Filters = {
  rating: '',
  product: '',
  status: '' as never,
  photos: false,
  unanswered: false,
};
const INCENTIVE_KINDS = ['discount', 'free-product', 'points', 'other'] as const;

/** New reviews first, filters, inline replies with a preview, moderation and bulk actions. */
export function Inbox() {
  const t = translator.value;
  const client = api.value;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [items, setItems] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const query = (from?: string): InboxQuery => ({
    ...(filters.rating ? { rating: filters.rating } : {}),
    ...(filters.product ? { product: filters.product } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.photos ? { photos: 'true' } : {}),
    ...(filters.unanswered ? { unanswered: 'true' } : {}),
    ...(from ? { cursor: from } : {}),
    limit: '20',
  });

  async function load(from?: string) {
    if (!client) return;
    setLoading(true);
    const ok = await attempt(async () => {
      const page = await client.inbox(query(from));
      setItems((known) => (from ? [...known, ...page.items] : page.items));
      setCursor(page.nextCursor);
      if (!from) setSelected(new Set());
    }, setError);
    if (ok) setError(null);
    setLoading(false);
  }
  useEffect(() => {
    void load();
  }, [filters, client]);

  const replace = (next: InboxItem) =>
    setItems((known) => known.map((item) => (item.id === next.id ? next : item)));
  const refresh = async (id: string) => {
    // Re-read one review after a change, from the same filters' first pages.
    const page = await client?.inbox({ limit: '100' });
    const fresh = page?.items.find((item) => item.id === id);
    if (fresh) replace(fresh);
    else await load();
  };

  return (
    <section aria-labelledby="inbox-title">
      <h2 id="inbox-title" tabIndex={-1}>
        {t.t('console.nav.inbox')}
      </h2>
      <FilterBar filters={filters} onChange={setFilters} />
      <BulkBar
        selected={selected}
        onDone={async () => {
          await load();
        }}
      />
      {error ? (
        <p role="alert" class={css.error}>
          {error}
        </p>
      ) : null}
      {!loading && items.length === 0 && !error ? <p>{t.t('console.inbox.empty')}</p> : null}
      <ul style={{ listStyle: 'none', padding: 0 }} aria-busy={loading}>
        {items.map((item) => (
          <li key={item.id}>
            <ReviewCard
              item={item}
              selected={selected.has(item.id)}
              onSelect={(on) =>
                setSelected((known) => {
                  const next = new Set(known);
                  if (on) next.add(item.id);
                  else next.delete(item.id);
                  return next;
                })
              }
              onChanged={() => refresh(item.id)}
            />
          </li>
        ))}
      </ul>
      {cursor ? (
        <button type="button" class={css.button} disabled={loading} onClick={() => load(cursor)}>
          {t.t('console.inbox.more')}
        </button>
      ) : null}
    </section>
  );
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const t = translator.value;
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  return (
    <form
      class={`${css.card} ${css.row}`}
      aria-label={t.t('console.inbox.filters')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label class={css.field}>
        <span>{t.t('console.inbox.rating')}</span>
        <select
          class={css.input}
          value={filters.rating}
          onChange={(e) => set({ rating: e.currentTarget.value })}
        >
          <option value="">{t.t('console.inbox.any')}</option>
          <option value="1,2">{t.t('console.inbox.negative')}</option>
          {[5, 4, 3, 2, 1].map((stars) => (
            <option key={stars} value={String(stars)}>
              {t.t('console.stars', { rating: stars })}
            </option>
          ))}
        </select>
      </label>
      <label class={css.field}>
        <span>{t.t('console.inbox.product')}</span>
        <input
          class={css.input}
          value={filters.product}
          onChange={(e) => set({ product: e.currentTarget.value.trim() })}
        />
      </label>
      <ChoiceField
        label={t.t('console.inbox.status')}
        value={filters.status ?? ''}
        choices={MODERATION_STATUSES}
        labelOf={(status) => t.t(`console.status.${status}` as MessageKey)}
        empty={t.t('console.inbox.any')}
        onChange={(status) => set({ status })}
      />
      <label class={css.row}>
        <input
          type="checkbox"
          checked={filters.photos}
          onChange={(e) => set({ photos: e.currentTarget.checked })}
        />
        <span>{t.t('console.inbox.withPhotos')}</span>
      </label>
      <label class={css.row}>
        <input
          type="checkbox"
          checked={filters.unanswered}
          onChange={(e) => set({ unanswered: e.currentTarget.checked })}
        />
        <span>{t.t('console.inbox.unanswered')}</span>
      </label>
    </form>
  );
}

function BulkBar({
  selected,
  onDone,
}: {
  selected: ReadonlySet<string>;
  onDone: () => Promise<void>;
}) {
  const t = translator.value;
  const [action, setAction] = useState<(typeof BULK_ACTIONS)[number]>('approve');
  const [reason, setReason] = useState<ModerationReason | ''>('');
  const [error, setError] = useState<string | null>(null);
  if (selected.size === 0) return null;
  async function apply(event: Event) {
    event.preventDefault();
    const ok = await attempt(async () => {
      const result = await api.value?.bulk({
        reviewIds: [...selected],
        action,
        ...(reason && action !== 'approve' && action !== 'remove-reply' ? { reason } : {}),
      });
      announce(t.t('console.bulk.done', { count: result?.done.length ?? 0 }));
    }, setError);
    if (ok) {
      setError(null);
      await onDone();
    }
  }
  return (
    <form class={`${css.card} ${css.row}`} aria-label={t.t('console.bulk.label')} onSubmit={apply}>
      <strong>{t.t('console.bulk.selected', { count: selected.size })}</strong>
      <ChoiceField
        label={t.t('console.bulk.action')}
        value={action}
        choices={BULK_ACTIONS}
        labelOf={(name) => t.t(`console.action.${name}` as MessageKey)}
        onChange={setAction}
      />
      {action === 'hide' || action === 'flag' ? (
        <ReasonSelect value={reason} onChange={setReason} />
      ) : null}
      <button type="submit" class={css.primaryButton}>
        {t.t('console.bulk.apply')}
      </button>
      {error ? (
        <p role="alert" class={css.error}>
          {error}
        </p>
      ) : null}
    </form>
  );
}

function ReasonSelect({
  value,
  onChange,
}: {
  value: ModerationReason | '';
  onChange: (next: ModerationReason | '') => void;
}) {
  const t = translator.value;
  return (
    <ChoiceField<ModerationReason | ''>
      label={t.t('console.reason')}
      value={value}
      choices={MODERATION_REASONS}
      labelOf={(name) => t.t(`console.reason.${name}` as MessageKey)}
      empty={t.t('console.reason.choose')}
      required
      onChange={onChange}
    />
  );
}

function ReviewCard({
  item,
  selected,
  onSelect,
  onChanged,
}: {
  item: InboxItem;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onChanged: () => Promise<void>;
}) {
  const t = translator.value;
  const client = api.value;
  const [draft, setDraft] = useState<string | null>(null);
  const [reason, setReason] = useState<ModerationReason | ''>('');
  const [incentive, setIncentive] = useState<(typeof INCENTIVE_KINDS)[number]>('discount');
  const [error, setError] = useState<string | null>(null);
  const titleId = `review-${item.id}`;

  async function change(work: () => Promise<unknown>, done: string) {
    if (!client) return;
    const ok = await attempt(work, setError);
    if (ok) {
      setError(null);
      announce(done);
      await onChanged();
    }
  }

  return (
    <article class={css.card} aria-labelledby={titleId}>
      <div class={css.row}>
        <input
          type="checkbox"
          checked={selected}
          aria-label={t.t('console.inbox.select', { author: item.authorName })}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
        <Stars rating={item.rating} />
        <h3 id={titleId} style={{ margin: 0, fontSize: '1rem' }}>
          {item.title || t.t('console.inbox.untitled')}
        </h3>
        <span class={css.badge[item.status]}>
          {t.t(`console.status.${item.status}` as MessageKey)}
        </span>
        {item.incentive ? (
          <span class={css.badge.neutral}>{t.t('console.incentivised')}</span>
        ) : null}
      </div>
      <p class={css.muted}>
        {item.authorName} · {item.product} · {formatDate(t.locale, item.createdAt)}
        {item.media.length ? ` · ${t.t('console.inbox.photos', { count: item.media.length })}` : ''}
      </p>
      <p class={css.reviewBody} lang={item.language}>
        {item.body}
      </p>
      {item.reply && draft === null ? (
        <div class={css.replyPreview}>
          <strong>{t.t('reviews.reply')}</strong>
          <p style={{ margin: '4px 0 0' }}>{item.reply.body}</p>
        </div>
      ) : null}
      {draft !== null ? (
        <form
          class={css.stack}
          onSubmit={(event) => {
            event.preventDefault();
            void change(async () => {
              await client?.reply(item.id, draft);
              setDraft(null);
            }, t.t('console.reply.published'));
          }}
        >
          <label class={css.field}>
            <span>{t.t('console.reply.label')}</span>
            <textarea
              class={css.textarea}
              value={draft}
              maxLength={3000}
              required
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </label>
          <div>
            <p class={css.muted}>{t.t('console.reply.preview')}</p>
            <div class={css.replyPreview}>
              <strong>{t.t('reviews.reply')}</strong>
              <p style={{ margin: '4px 0 0' }}>{draft.trim() || '…'}</p>
            </div>
          </div>
          <div class={css.row}>
            <button type="submit" class={css.primaryButton} disabled={!draft.trim()}>
              {t.t('console.reply.publish')}
            </button>
            <button type="button" class={css.button} onClick={() => setDraft(null)}>
              {t.t('console.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class={css.row} style={{ marginTop: '8px' }}>
          <button type="button" class={css.button} onClick={() => setDraft(item.reply?.body ?? '')}>
            {item.reply ? t.t('console.reply.edit') : t.t('console.reply.write')}
          </button>
          {item.reply ? (
            <button
              type="button"
              class={css.dangerButton}
              onClick={() =>
                change(() => client!.removeReply(item.id), t.t('console.reply.removed'))
              }
            >
              {t.t('console.reply.remove')}
            </button>
          ) : null}
          {item.status !== 'published' ? (
            <button
              type="button"
              class={css.button}
              onClick={() =>
                change(() => client!.moderate(item.id, 'approve'), t.t('console.moderated'))
              }
            >
              {t.t('console.action.approve')}
            </button>
          ) : null}
          {item.status === 'published' ? (
            <button
              type="button"
              class={css.button}
              onClick={() =>
                change(() => client!.addTestimonial({ reviewId: item.id }), t.t('console.promoted'))
              }
            >
              {t.t('console.promote')}
            </button>
          ) : null}
        </div>
      )}
      <details style={{ marginTop: '8px' }}>
        <summary>{t.t('console.moreActions')}</summary>
        <div class={css.row} style={{ marginTop: '8px' }}>
          <ReasonSelect value={reason} onChange={setReason} />
          <button
            type="button"
            class={css.button}
            disabled={!reason}
            onClick={() =>
              change(
                () => client!.moderate(item.id, 'hide', reason || undefined),
                t.t('console.moderated'),
              )
            }
          >
            {t.t('console.action.hide')}
          </button>
          <button
            type="button"
            class={css.button}
            disabled={!reason}
            onClick={() =>
              change(
                () => client!.moderate(item.id, 'flag', reason || undefined),
                t.t('console.moderated'),
              )
            }
          >
            {t.t('console.action.flag')}
          </button>
        </div>
        <div class={css.row} style={{ marginTop: '8px' }}>
          <ChoiceField
            label={t.t('console.incentive.kind')}
            value={incentive}
            choices={INCENTIVE_KINDS}
            labelOf={(kind) => t.t(`console.incentive.${kind}` as MessageKey)}
            onChange={setIncentive}
          />
          <button
            type="button"
            class={css.button}
            onClick={() =>
              change(
                () => client!.markIncentive(item.id, incentive),
                t.t('console.incentive.marked'),
              )
            }
          >
            {t.t('console.incentive.mark')}
          </button>
        </div>
      </details>
      {error ? (
        <p role="alert" class={css.error}>
          {error}
        </p>
      ) : null}
    </article>
  );
}
