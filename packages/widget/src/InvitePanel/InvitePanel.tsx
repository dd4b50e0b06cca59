import type { Reward, ShareChannel } from '@koubei/core';
import { formatReward, safeHttpUrl, shareTargets } from '@koubei/core';
import { useId, useRef, useState } from 'preact/hooks';
import type { KoubeiServices } from '../shared/services.ts';
import { button } from '../shared/StateViews.css.ts';
import * as css from './InvitePanel.css.ts';
import { QrCode } from './QrCode.tsx';
import { posterFile } from './share-poster.ts';

export interface InvitePanelProps {
  readonly koubei: KoubeiServices;
  /** The customer's invite, as the store's backend got it from the merchant API. */
  readonly invite: { readonly code: string; readonly url: string };
  /** What the inviter gets per friend who joins; the line is left out when not known. */
  readonly inviterReward?: Reward | null;
  /** What the friend gets; the line is left out when not known. */
  readonly inviteeReward?: Reward | null;
  /** The shop's name for the share message ("Join me at …") and the poster. */
  readonly storeName: string;
  /** A product to name on the share poster, under the shop's name. */
  readonly productName?: string;
}

/** What the panel's status line says after the last action. */
type Notice = 'idle' | 'copied' | 'copy-failed' | 'poster-failed';

/** Whether this browser can hand a PNG to the system share sheet (phones, mostly). */
function canShareFiles(): boolean {
  try {
    return (
      typeof navigator !== 'undefined' &&
      typeof navigator.canShare === 'function' &&
      navigator.canShare({ files: [new File([''], 'poster.png', { type: 'image/png' })] })
    );
  } catch {
    return false;
  }
}

/**
 * The inviter's panel: what both sides get, the code and link with a copy
 * button, and every share target. WeChat and QQ open a QR code, since their
 * apps take links by scanning; the rest are links to each service's share page.
 * The browser's own share sheet comes first where it exists (phones).
 */
export function InvitePanel({
  koubei,
  invite,
  inviterReward,
  inviteeReward,
  storeName,
  productName,
}: InvitePanelProps) {
  const { t } = koubei;
  const [notice, setNotice] = useState<Notice>('idle');
  const [qrChannel, setQrChannel] = useState<ShareChannel | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Ids unique per panel, so two panels on one page keep their labels apart.
  const titleId = useId();
  const qrId = useId();
  // The link is shown, copied and encoded: only an http(s) one is accepted.
  const url = safeHttpUrl(invite.url, koubei.urlOptions);
  if (!url) return null;
  const text = t.t('invite.shareText', { store: storeName });
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const shared = (channel: string) =>
    koubei.emit({ type: 'share', widget: 'invite', detail: { channel } });

  // Drawing can fail (no canvas, out of memory): every failure becomes the notice below.
  const poster = () =>
    Promise.resolve()
      .then(() =>
        posterFile(
          {
            storeName,
            productName,
            rewardText: inviteeReward
              ? t.t('invite.posterReward', { reward: formatReward(t, inviteeReward) })
              : text,
            codeText: t.t('invite.posterCode', { code: invite.code }),
            link: url as string,
          },
          `invite-${invite.code}.png`,
        ),
      )
      .catch(() => null);

  async function downloadPoster() {
    const file = await poster();
    if (!file) return setNotice('poster-failed');
    const href = URL.createObjectURL(file);
    const link = document.createElement('a');
    link.href = href;
    link.download = file.name;
    link.click();
    // The download has started from the object URL by now; free the image a little later.
    setTimeout(() => URL.revokeObjectURL(href), 30_000);
    shared('poster');
  }

  async function sharePoster() {
    const file = await poster();
    if (!file) return setNotice('poster-failed');
    navigator.share({ files: [file], title: storeName, text }).then(
      () => shared('poster-share'),
      // Closing the share sheet rejects too; nothing to tell the shopper.
      () => undefined,
    );
  }

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(url as string);
      setNotice('copied');
      koubei.emit({ type: 'referral-copy', widget: 'invite' });
    } catch {
      // No clipboard (old browser, insecure page, permission refused): select the text instead.
      input.current?.select();
      setNotice('copy-failed');
    }
  }

  return (
    <section class={css.panel} aria-labelledby={titleId} part="invite-panel">
      <h2 id={titleId} class={css.title}>
        {t.t('invite.title')}
      </h2>
      {(inviterReward || inviteeReward) && (
        <ul class={css.rewards}>
          {inviterReward && (
            <li dir="auto">
              {t.t('invite.rewardYou', { reward: formatReward(t, inviterReward) })}
            </li>
          )}
          {inviteeReward && (
            <li dir="auto">
              {t.t('invite.rewardFriend', { reward: formatReward(t, inviteeReward) })}
            </li>
          )}
        </ul>
      )}
      <p class={css.muted}>
        {t.t('invite.code')}: <span class={css.code}>{invite.code}</span>
      </p>
      <div class={css.linkRow}>
        <input
          ref={input}
          class={css.linkInput}
          value={url}
          readOnly
          aria-label={t.t('invite.code')}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class={button} onClick={copyLink}>
          {t.t('invite.copy')}
        </button>
      </div>
      <p role="status" class={css.muted}>
        {notice === 'copied'
          ? t.t('invite.copied')
          : notice === 'copy-failed'
            ? t.t('invite.copyFailed')
            : notice === 'poster-failed'
              ? t.t('invite.posterFailed')
              : ''}
      </p>
      <ul class={css.targets} aria-label={t.t('invite.share')}>
        {canShare && (
          <li>
            <button
              type="button"
              class={css.target}
              onClick={() => {
                navigator.share({ title: storeName, text, url: url as string }).then(
                  () => shared('web-share'),
                  // Closing the share sheet rejects too; nothing to tell the shopper.
                  () => undefined,
                );
              }}
            >
              {t.t('invite.share')}
            </button>
          </li>
        )}
        {shareTargets(url, text).map((target) => {
          const name = t.t(`channel.${target.channel}`);
          const label = t.t('invite.shareVia', { channel: name });
          return (
            <li key={target.channel}>
              {target.kind === 'qr' ? (
                <button
                  type="button"
                  class={css.target}
                  aria-label={label}
                  aria-expanded={qrChannel === target.channel}
                  aria-controls={qrId}
                  onClick={() => {
                    setQrChannel(qrChannel === target.channel ? null : target.channel);
                    shared(target.channel);
                  }}
                >
                  {name}
                </button>
              ) : (
                <a
                  class={css.target}
                  href={target.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={label}
                  onClick={() => shared(target.channel)}
                >
                  {name}
                </a>
              )}
            </li>
          );
        })}
      </ul>
      <div id={qrId} class={css.qr} hidden={qrChannel === null}>
        {qrChannel && (
          <>
            <QrCode value={url} label={t.t('invite.qrLabel')} />
            <p class={css.muted}>
              {t.t('invite.scanHint', { channel: t.t(`channel.${qrChannel}`) })}
            </p>
            <div class={css.linkRow}>
              <button type="button" class={css.target} onClick={downloadPoster}>
                {t.t('invite.poster')}
              </button>
              {canShareFiles() && (
                <button type="button" class={css.target} onClick={sharePoster}>
                  {t.t('invite.posterShare')}
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
