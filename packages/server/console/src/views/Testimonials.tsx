import type { MessageKey } from '@koubei/core';
import { useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { announce, api, translator } from '../session.ts';
import { attempt, useLoad } from '../use-load.ts';

/** The testimonial wall: order (move up/down), feature, remove, and add a quote. */
export function Testimonials() {
  const t = translator.value;
  const client = api.value!;
  const wall = useLoad(() => client.testimonials(), [client]);
  const [error, setError] = useState<string | null>(null);
  const items = wall.data?.items ?? [];

  async function change(work: () => Promise<unknown>, done: string) {
    if (await attempt(work, setError)) {
      setError(null);
      announce(done);
      wall.reload();
    }
  }
  function move(index: number, by: -1 | 1) {
    const ids = items.map((item) => item.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id as string);
    void change(() => client.orderTestimonials(ids), t.t('console.testimonials.moved'));
  }

  return (
    <section aria-labelledby="testimonials-title">
      <h2 id="testimonials-title" tabIndex={-1}>
        {t.t('console.nav.testimonials')}
      </h2>
      <p class={css.muted}>{t.t('console.testimonials.help')}</p>
      {error || wall.error ? (
        <p role="alert" class={css.error}>
          {error ?? wall.error}
        </p>
      ) : null}
      {wall.data && items.length === 0 ? <p>{t.t('testimonials.empty')}</p> : null}
      <ol style={{ paddingLeft: '1.2em' }}>
        {items.map((item, index) => (
          <li key={item.id} class={css.card}>
            <blockquote style={{ margin: 0 }} lang={item.language}>
              “{item.quote}”
            </blockquote>
            <p class={css.muted}>
              — {item.authorName} · {t.t(`testimonials.source.${item.source}` as MessageKey)}
              {item.featured ? ` · ${t.t('testimonials.featured')}` : ''}
            </p>
            <div class={css.row}>
              <button
                type="button"
                class={css.button}
                disabled={index === 0}
                aria-label={t.t('console.testimonials.up', { author: item.authorName })}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                class={css.button}
                disabled={index === items.length - 1}
                aria-label={t.t('console.testimonials.down', { author: item.authorName })}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                class={css.button}
                aria-pressed={item.featured}
                onClick={() =>
                  change(
                    () => client.featureTestimonial(item.id, !item.featured),
                    t.t('console.saved'),
                  )
                }
              >
                {t.t('console.testimonials.feature')}
              </button>
              <button
                type="button"
                class={css.dangerButton}
                onClick={() =>
                  change(
                    () => client.removeTestimonial(item.id),
                    t.t('console.testimonials.removed'),
                  )
                }
              >
                {t.t('console.testimonials.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <AddQuote onAdded={() => wall.reload()} />
    </section>
  );
}

function AddQuote({ onAdded }: { onAdded: () => void }) {
  const t = translator.value;
  const [quote, setQuote] = useState('');
  const [author, setAuthor] = useState('');
  const [language, setLanguage] = useState<'zh-CN' | 'en'>(t.locale);
  const [source, setSource] = useState<'survey' | 'social'>('survey');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: Event) {
    event.preventDefault();
    const ok = await attempt(
      () =>
        api.value!.addTestimonial({
          quote: quote.trim(),
          authorName: author.trim(),
          language,
          source,
        }),
      setError,
    );
    if (ok) {
      setQuote('');
      setAuthor('');
      setError(null);
      announce(t.t('console.testimonials.added'));
      onAdded();
    }
  }
  return (
    <form class={`${css.card} ${css.stack}`} onSubmit={submit} aria-labelledby="add-quote-title">
      <h3 id="add-quote-title" style={{ margin: 0 }}>
        {t.t('console.testimonials.add')}
      </h3>
      <label class={css.field}>
        <span>{t.t('console.testimonials.quote')}</span>
        <textarea
          class={css.textarea}
          required
          maxLength={600}
          value={quote}
          onInput={(e) => setQuote(e.currentTarget.value)}
        />
      </label>
      <div class={css.row}>
        <label class={css.field}>
          <span>{t.t('console.testimonials.author')}</span>
          <input
            class={css.input}
            required
            maxLength={80}
            value={author}
            onInput={(e) => setAuthor(e.currentTarget.value)}
          />
        </label>
        <label class={css.field}>
          <span>{t.t('console.language')}</span>
          <select
            class={css.input}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as typeof language)}
          >
            <option value="zh-CN" lang="zh-CN">
              简体中文
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </label>
        <label class={css.field}>
          <span>{t.t('console.testimonials.source')}</span>
          <select
            class={css.input}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value as typeof source)}
          >
            <option value="survey">{t.t('testimonials.source.survey')}</option>
            <option value="social">{t.t('testimonials.source.social')}</option>
          </select>
        </label>
      </div>
      {error ? (
        <p role="alert" class={css.error}>
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" class={css.primaryButton}>
          {t.t('console.testimonials.addButton')}
        </button>
      </div>
    </form>
  );
}
