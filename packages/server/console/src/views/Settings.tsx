import type { StoreSettings } from '@koubei/core';
import { MODERATION_MODES } from '@koubei/core';
import { useEffect, useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { announce, api, locale, translator } from '../session.ts';
import { attempt, useLoad } from '../use-load.ts';

/** The attribute value as HTML text: the snippet is pasted into pages, so quotes are escaped. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The script tag a shop pastes, with this store's values filled in. */
export function scriptTagFor(settings: StoreSettings, origin: string, language: string): string {
  const tokens = Object.keys(settings.theme).length
    ? `\n  data-tokens="${escapeAttribute(JSON.stringify(settings.theme))}"`
    : '';
  return `<div data-koubei="summary" data-product="YOUR-PRODUCT-ID"></div>
<div data-koubei="reviews" data-product="YOUR-PRODUCT-ID"></div>
<script
  async
  crossorigin="anonymous"
  src="${origin}/cdn/koubei.js"
  data-api="${origin}"
  data-store="${settings.store}"
  data-locale="${language}"${tokens}
></script>`;
}

const TOKEN_FIELDS = [
  { name: 'color-accent', type: 'color', fallback: '#0b6e4f' },
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
              <ThemePreview theme={theme} />
            </fieldset>
            <div>
              <button type="submit" class={css.primaryButton}>
                {t.t('console.save')}
              </button>
            </div>
          </form>
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
                data-testid="script-tag"
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

/** A sample of the accent and the corner radius as the widgets will use them. */
function ThemePreview({ theme }: { theme: Record<string, string> }) {
  const t = translator.value;
  return (
    <div aria-label={t.t('console.settings.preview')} role="group" class={css.stack}>
      <span class={css.muted}>{t.t('console.settings.preview')}</span>
      <span
        style={{
          display: 'inline-block',
          padding: '6px 12px',
          color: '#ffffff',
          background: theme['color-accent'] ?? '#0b6e4f',
          borderRadius: theme.radius ?? '8px',
        }}
      >
        ★★★★★ 4.8
      </span>
    </div>
  );
}
