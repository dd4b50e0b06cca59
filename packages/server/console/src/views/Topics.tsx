import type { MessageKey } from '@koubei/core';
import { useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { api, translator } from '../session.ts';
import { useLoad } from '../use-load.ts';

/** What customers talk about, per aspect, with praise and complaints and example clauses. */
export function Topics() {
  const t = translator.value;
  const [product, setProduct] = useState('');
  const topics = useLoad(() => api.value!.topics(product || undefined), [api.value, product]);
  return (
    <section aria-labelledby="topics-title">
      <h2 id="topics-title" tabIndex={-1}>
        {t.t('console.nav.topics')}
      </h2>
      <p class={css.muted}>{t.t('console.topics.help')}</p>
      <form class={`${css.card} ${css.row}`} onSubmit={(e) => e.preventDefault()}>
        <label class={css.field}>
          <span>{t.t('console.inbox.product')}</span>
          <input
            class={css.input}
            value={product}
            onChange={(e) => setProduct(e.currentTarget.value.trim())}
          />
        </label>
      </form>
      {topics.error ? (
        <p role="alert" class={css.error}>
          {topics.error}
        </p>
      ) : null}
      {topics.data ? (
        <>
          <p>{t.t('console.topics.read', { count: topics.data.reviewsRead })}</p>
          {topics.data.topics.length === 0 ? <p>{t.t('console.dashboard.none')}</p> : null}
          <table class={css.table}>
            <caption class={css.visuallyHidden}>{t.t('console.nav.topics')}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('console.topics.aspect')}</th>
                <th scope="col">{t.t('console.topics.positive')}</th>
                <th scope="col">{t.t('console.topics.negative')}</th>
                <th scope="col">{t.t('console.topics.examples')}</th>
              </tr>
            </thead>
            <tbody>
              {topics.data.topics.map((topic) => (
                <tr key={topic.aspect}>
                  <th scope="row">{t.t(`aspect.${topic.aspect}` as MessageKey)}</th>
                  <td class={css.positive}>{t.formatNumber(topic.positive)}</td>
                  <td class={css.negative}>{t.formatNumber(topic.negative)}</td>
                  <td>
                    <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                      {topic.examples.map((example) => (
                        <li key={`${example.reviewId}-${example.polarity}`}>
                          <span
                            class={example.polarity === 'positive' ? css.positive : css.negative}
                          >
                            {t.t(`console.topics.${example.polarity}`)}
                          </span>
                          {': '}“{example.snippet}”
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
