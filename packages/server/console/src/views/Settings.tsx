import type { StoreSettings } from '@koubei/core';
import { MODERATION_MODES } from '@koubei/core';
import { useEffect, useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { announce, api, locale, translator } from '../session.ts';
import { scriptTagFor } from '../script-tag.ts';
import { ReferralRules } from './ReferralRules.tsx';
import { attempt, useLoad } from '../use-load.ts';

const TOKEN_FIELDS = [
  { name: 'color-accent', type: 'color', fallback: '#0b6e4f' },
  { name: 'color-star', type: 'color', fallback: '#b45309' },
  { name: 'radius', type: 'text', fallback: '8px' },
] as const;

export function Settings() {
  const t = translator.value;
  const settings = useLoad(() => api.value!.settings(), [api.value]);
  const [origins, setOrigins] = useState('');
  const [moderation, setModeration] = useState<StoreSettings['moderation']>('publish-first');
  const [theme, setTheme] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!settings.data) return;
    setOrigins(settings.data.origins.join('\n'));
    setModeration(settings.data.moderation);
    setTheme(settings.data.theme);
  }, [settings.data]);

  async function save(event: Event) {
    event.preventDefault();
    const ok = await attempt(
      () =>
        api.value!.changeSettings({
          origins: origins
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          moderation,
          theme,
        }),
      setError,
    );
    if (ok) {
      setError(null);
      announce(t.t('console.saved'));
      settings.reload();
    }
  }

  const snippet = settings.data
    ? scriptTagFor({ ...settings.data, theme }, location.origin, locale.value)
    : '';

  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title" tabIndex={-1}>
        {t.t('console.nav.settings')}
      </h2>
      {settings.error || error ? (
        <p role="alert" class={css.error}>
          {error ?? settings.error}
        </p>
      ) : null}
      {settings.data ? (
        <>
          <form class={`${css.card} ${css.stack}`} onSubmit={save}>
            <label class={css.field}>
              <span>{t.t('console.settings.origins')}</span>
              <span class={css.muted} id="origins-help">
                {t.t('console.settings.originsHelp')}
              </span>
              <textarea
                class={css.textarea}
                aria-describedby="origins-help"
                value={origins}
                onInput={(e) => setOrigins(e.currentTarget.value)}
              />
            </label>
            <fieldset>
              <legend>{t.t('console.settings.moderation')}</legend>
              {MODERATION_MODES.map((mode) => (
                <label key={mode} class={css.row}>
                  <input
                    type="radio"
                    name="moderation"
                    value={mode}
                    checked={moderation === mode}
                    onChange={() => setModeration(mode)}
                  />
                  <span>{t.t(`console.settings.${mode}`)}</span>
                </label>
              ))}
            </fieldset>
            <fieldset class={css.row}>
              <legend>{t.t('console.settings.theme')}</legend>
              {TOKEN_FIELDS.map((token) => (
                <label key={token.name} class={css.field}>
                  <span>{t.t(`console.settings.token.${token.name}`)}</span>
                  <input
                    class={css.input}
                    type={token.type}
                    value={theme[token.name] ?? token.fallback}
                    onInput={(e) => setTheme({ ...theme, [token.name]: e.currentTarget.value })}
                  />
                </label>
              ))}
            </fieldset>
            <WidgetPreview store={settings.data.store} theme={theme} />
            <div>
              <button type="submit" class={css.primaryButton}>
                {t.t('console.save')}
              </button>
            </div>
          </form>
          <ReferralRules />
          <div class={`${css.card} ${css.stack}`}>
            <label class={css.field}>
              <span>{t.t('console.settings.scriptTag')}</span>
              <span class={css.muted} id="snippet-help">
                {t.t('console.settings.scriptTagHelp')}
              </span>
              <textarea
                class={`${css.textarea} ${css.code}`}
                readOnly
                rows={10}
                aria-describedby="snippet-help"
                value={snippet}
              />
            </label>
            <div>
              <button
                type="button"
                class={css.button}
                onClick={async () => {
                  try {
                    await navigator.clipboard.writeText(snippet);
                    announce(t.t('console.settings.copied'));
                  } catch {
                    announce(t.t('console.settings.copyFailed'));
                  }
                }}
              >
                {t.t('console.settings.copy')}
              </button>
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}

/**
 * The real widgets, through the script tag, for one of the store's products,
 * with the theme as edited (not yet saved): a frame on /console/preview.
 */
function WidgetPreview({ store, theme }: { store: string; theme: Record<string, string> }) {
  const t = translator.value;
  const [product, setProduct] = useState('');
  useEffect(() => {
    // The newest review's product: one that certainly has something to show.
    void api.value
      ?.inbox({ status: 'published', limit: '1' })
      .then((page) => setProduct((known) => known || (page.items[0]?.product ?? '')))
      .catch(() => undefined);
  }, []);
  const src = `/console/preview?${new URLSearchParams({
    store,
    product: product || 'none',
    locale: locale.value,
    tokens: JSON.stringify(theme),
  }).toString()}`;
  return (
    <div class={css.stack}>
      <label class={css.field}>
        <span>{t.t('console.settings.previewProduct')}</span>
        <input
          class={css.input}
          value={product}
          onChange={(e) => setProduct(e.currentTarget.value.trim())}
        />
      </label>
      <iframe
        title={t.t('console.settings.preview')}
        src={src}
        style={{ width: '100%', height: '420px', border: '1px solid #cbd2d9', borderRadius: '6px' }}
      />
    </div>
  );
}
