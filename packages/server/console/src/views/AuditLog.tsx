import { formatDate } from '@koubei/core';
import type { AuditEntry } from '@koubei/core';
import { useEffect, useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { api, translator } from '../session.ts';
import { attempt } from '../use-load.ts';

/** Every change made through the merchant API, newest first. */
export function AuditLog() {
  const t = translator.value;
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function load(from?: string) {
    await attempt(async () => {
      const page = await api.value!.audit(from);
      setItems((known) => (from ? [...known, ...page.items] : page.items));
      setCursor(page.nextCursor);
    }, setError);
  }
  useEffect(() => {
    void load();
  }, []);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title" tabIndex={-1}>
        {t.t('console.nav.audit')}
      </h2>
      {error ? (
        <p role="alert" class={css.error}>
          {error}
        </p>
      ) : null}
      <table class={css.table}>
        <thead>
          <tr>
            <th scope="col">{t.t('console.audit.when')}</th>
            <th scope="col">{t.t('console.audit.action')}</th>
            <th scope="col">{t.t('console.audit.subject')}</th>
            <th scope="col">{t.t('console.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id}>
              <td>
                {formatDate(t.locale, entry.at, {
                  year: 'numeric',
                  month: 'short',
                  day: 'numeric',
                  hour: '2-digit',
                  minute: '2-digit',
                })}
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.reviewId ?? entry.target ?? '—'}</td>
              <td>{entry.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor ? (
        <button type="button" class={css.button} onClick={() => load(cursor)}>
          {t.t('console.inbox.more')}
        </button>
      ) : null}
    </section>
  );
}
