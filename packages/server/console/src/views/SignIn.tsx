import { useState } from 'preact/hooks';
import * as css from '../console.css.ts';
import { ConsoleApiError, createMerchantApi } from '../merchant-api.ts';
import { signIn, translator } from '../session.ts';

/** Sign-in with the store's merchant API key; the key is checked before it is kept. */
export function SignIn() {
  const t = translator.value;
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const settings = await createMerchantApi(key.trim()).settings();
      signIn(key.trim(), settings.store);
    } catch (problem) {
      setError(
        problem instanceof ConsoleApiError && problem.status === 401
          ? t.t('console.signIn.invalid')
          : (problem as Error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="sign-in-title" class={css.card}>
      <h2 id="sign-in-title" tabIndex={-1}>
        {t.t('console.signIn.title')}
      </h2>
      <p class={css.muted}>{t.t('console.signIn.help')}</p>
      {/* POST with no action: the key never lands in a URL, even if scripts fail. */}
      <form method="post" onSubmit={submit} class={css.stack}>
        <label class={css.field}>
          <span>{t.t('console.signIn.key')}</span>
          <input
            class={css.input}
            type="password"
            name="key"
            autoComplete="current-password"
            required
            minLength={16}
            value={key}
            onInput={(event) => setKey(event.currentTarget.value)}
          />
        </label>
        {error ? (
          <p role="alert" class={css.error}>
            {error}
          </p>
        ) : null}
        <div>
          <button type="submit" class={css.primaryButton} disabled={busy}>
            {t.t('console.signIn.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
