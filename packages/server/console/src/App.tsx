import type { SupportedLocale } from '@koubei/core';
import { SUPPORTED_LOCALES } from '@koubei/core';
import { useEffect, useRef } from 'preact/hooks';
import * as css from './console.css.ts';
import type { View } from './session.ts';
import {
  VIEWS,
  announcement,
  api,
  chooseLocale,
  locale,
  signOut,
  storeId,
  storeKey,
  translator,
  view,
} from './session.ts';
import { AuditLog } from './views/AuditLog.tsx';
import { Dashboard } from './views/Dashboard.tsx';
import { Inbox } from './views/Inbox.tsx';
import { Settings } from './views/Settings.tsx';
import { SignIn } from './views/SignIn.tsx';
import { Testimonials } from './views/Testimonials.tsx';
import { Topics } from './views/Topics.tsx';

const VIEW_COMPONENTS: Record<View, () => preact.JSX.Element> = {
  inbox: Inbox,
  dashboard: Dashboard,
  topics: Topics,
  testimonials: Testimonials,
  settings: Settings,
  audit: AuditLog,
};

const LANGUAGE_NAMES: Record<SupportedLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function App() {
  const t = translator.value;
  const mainRef = useRef<HTMLElement>(null);
  const current = view.value;
  useEffect(() => {
    // After a reload only the key is kept; the store's id comes from the server.
    if (storeKey.value && !storeId.value)
      void api.value
        ?.settings()
        .then((settings) => {
          storeId.value = settings.store;
        })
        .catch(() => undefined);
  }, [storeKey.value]);
  useEffect(() => {
    document.title = `${t.t(`console.nav.${current}`)} · ${t.t('console.title')}`;
    // A new view moves focus to its heading, so screen readers announce it.
    mainRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [current, t]);

  const languagePicker = (
    <label class={css.row}>
      <span>{t.t('console.language')}</span>
      <select
        class={css.input}
        value={locale.value}
        onChange={(event) => chooseLocale(event.currentTarget.value as SupportedLocale)}
      >
        {SUPPORTED_LOCALES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {LANGUAGE_NAMES[tag]}
          </option>
        ))}
      </select>
    </label>
  );

  if (!storeKey.value)
    return (
      <>
        <header class={css.header}>
          <h1 class={css.brand}>{t.t('console.title')}</h1>
          <div class={css.headerEnd}>{languagePicker}</div>
        </header>
        <main class={css.main} ref={mainRef}>
          <SignIn />
        </main>
        <p role="status" class={css.visuallyHidden}>
          {announcement.value}
        </p>
      </>
    );

  const Current = VIEW_COMPONENTS[current];
  return (
    <>
      <a class={css.skipLink} href="#main">
        {t.t('console.skip')}
      </a>
      <header class={css.header}>
        <h1 class={css.brand}>
          {t.t('console.title')}
          {storeId.value ? ` · ${storeId.value}` : ''}
        </h1>
        <nav aria-label={t.t('console.nav.label')}>
          <ul class={css.nav}>
            {VIEWS.map((name) => (
              <li key={name}>
                <a
                  class={css.navLink}
                  href={`#/${name}`}
                  aria-current={name === current ? 'page' : undefined}
                >
                  {t.t(`console.nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class={css.headerEnd}>
          {languagePicker}
          <button type="button" class={css.button} onClick={signOut}>
            {t.t('console.signOut')}
          </button>
        </div>
      </header>
      <main id="main" class={css.main} ref={mainRef} tabIndex={-1}>
        <Current key={current} />
      </main>
      <p role="status" class={css.visuallyHidden}>
        {announcement.value}
      </p>
    </>
  );
}
