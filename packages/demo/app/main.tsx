// The developer's way in: the same widgets as typed Preact components from
// @koubei/widget, with props, a theme and theme tokens chosen by the app.
import type { KoubeiEvent } from '@koubei/core';
import type { ThemeName } from '@koubei/widget';
import {
  PhotoGallery,
  RatingSummary,
  ReviewCarousel,
  ReviewForm,
  ReviewList,
  Stars,
  adoptKoubeiStyles,
  applyThemeTokens,
  createKoubei,
  sanitizeThemeTokens,
} from '@koubei/widget';
import { render } from 'preact';
import { useMemo, useRef, useEffect, useState } from 'preact/hooks';
import { PRODUCTS } from './products.ts';
import './app.css';

const API = document.querySelector<HTMLMetaElement>('meta[name="koubei-api"]')?.content ?? '';
const STORE = 'tea-house';
type Locale = 'en' | 'zh-CN';

const WORDS = {
  en: {
    title: 'Tea House, built with @koubei/widget',
    product: 'Product',
    language: 'Language',
    theme: 'Theme',
    themes: { light: 'Light', dark: 'Dark', auto: 'System' },
    back: 'Back to the shop',
    highlights: 'Highlights',
    events: 'Widget events seen by the app',
  },
  'zh-CN': {
    title: '茶舍：用 @koubei/widget 构建',
    product: '商品',
    language: '语言',
    theme: '主题',
    themes: { light: '浅色', dark: '深色', auto: '跟随系统' },
    back: '返回店铺',
    highlights: '精选评价',
    events: '应用收到的组件事件',
  },
} as const;

function initialLocale(): Locale {
  return new URLSearchParams(location.search).get('lang') === 'zh' ? 'zh-CN' : 'en';
}

function App() {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [theme, setTheme] = useState<ThemeName>('light');
  const [product, setProduct] = useState(PRODUCTS[0]?.id ?? '');
  const [events, setEvents] = useState<string[]>([]);
  const words = WORDS[locale];
  // One set of services per locale, shared by every widget (one summaries cache, one client).
  const koubei = useMemo(
    () =>
      createKoubei({
        apiBase: API,
        store: STORE,
        locale,
        onEvent: (event: KoubeiEvent) =>
          setEvents((seen) => [`${event.type} (${event.widget})`, ...seen].slice(0, 5)),
      }),
    [locale],
  );
  const widgets = useRef<HTMLDivElement>(null);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.body.classList.toggle('dark', theme === 'dark');
  }, [locale, theme]);
  useEffect(() => {
    // Theme tokens: the shop's accent colour and rounder corners, on the container.
    const [accepted] = sanitizeThemeTokens({ 'color-accent': '#0f766e', radius: '10px' });
    if (widgets.current) applyThemeTokens(widgets.current, accepted);
  }, []);
  const name = PRODUCTS.find((p) => p.id === product)?.name[locale === 'en' ? 'en' : 'zh'] ?? '';

  return (
    <>
      <header class="app-header">
        <h1>{words.title}</h1>
        <div class="controls">
          <label>
            {words.product}
            <select value={product} onChange={(e) => setProduct(e.currentTarget.value)}>
              {PRODUCTS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name[locale === 'en' ? 'en' : 'zh']}
                </option>
              ))}
            </select>
          </label>
          <label>
            {words.language}
            <select
              value={locale}
              onChange={(e) => setLocale(e.currentTarget.value === 'zh-CN' ? 'zh-CN' : 'en')}
            >
              <option value="en">English</option>
              <option value="zh-CN">中文</option>
            </select>
          </label>
          <label>
            {words.theme}
            <select value={theme} onChange={(e) => setTheme(e.currentTarget.value as ThemeName)}>
              {(['light', 'dark', 'auto'] as const).map((value) => (
                <option key={value} value={value}>
                  {words.themes[value]}
                </option>
              ))}
            </select>
          </label>
          <a href={locale === 'en' ? '/en/' : '/zh/'}>{words.back}</a>
        </div>
      </header>
      <main ref={widgets} id="widgets">
        <section aria-labelledby="product-name">
          <h2 id="product-name">{name}</h2>
          <Stars koubei={koubei} product={product} theme={theme} size="large" />
        </section>
        <section>
          <h2 id="highlights">{words.highlights}</h2>
          <ReviewCarousel koubei={koubei} product={product} theme={theme} minRating={4} />
        </section>
        <div class="columns">
          <RatingSummary koubei={koubei} product={product} theme={theme} />
          <ReviewList key={product} koubei={koubei} product={product} pageSize={5} theme={theme} />
        </div>
        <div>
          <PhotoGallery koubei={koubei} product={product} limit={8} theme={theme} />
        </div>
        <div>
          <ReviewForm koubei={koubei} product={product} productName={name} theme={theme} />
        </div>
        <section aria-labelledby="events" aria-live="polite">
          <h2 id="events">{words.events}</h2>
          <ul>
            {events.map((event, i) => (
              <li key={i}>{event}</li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}

adoptKoubeiStyles(document);
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
