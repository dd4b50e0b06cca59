import type { DashboardStats } from '@koubei/core';
import { formatDuration } from '@koubei/core';
import { BarChart } from '../charts/BarChart.tsx';
import { TrendChart } from '../charts/TrendChart.tsx';
import * as css from '../console.css.ts';
import { api, translator } from '../session.ts';
import { useLoad } from '../use-load.ts';

/** Is word of mouth getting better or worse: ratings, replies, photos, products, referrals, widgets. */
export function Dashboard() {
  const t = translator.value;
  const stats = useLoad(() => api.value!.stats(), [api.value]);
  const data = stats.data;
  const percent = (share: number | null) => (share === null ? '—' : t.formatPercent(share));
  const reviewsText = (count: number) => t.t('console.dashboard.reviewCount', { count });

  return (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title" tabIndex={-1}>
        {t.t('console.nav.dashboard')}
      </h2>
      {stats.error ? (
        <p role="alert" class={css.error}>
          {stats.error}
        </p>
      ) : null}
      {data ? (
        <>
          <dl class={css.grid}>
            <Tile label={t.t('console.dashboard.reviews')} value={t.formatNumber(data.reviews)} />
            <Tile
              label={t.t('console.dashboard.mean')}
              value={data.mean === null ? '—' : t.formatRating(data.mean)}
            />
            <Tile
              label={t.t('console.dashboard.replyRate')}
              value={percent(data.replies.rate)}
              id="reply-rate"
            />
            <Tile
              label={t.t('console.dashboard.firstReply')}
              value={
                data.replies.medianFirstReplyMs === null
                  ? '—'
                  : formatDuration(t.locale, data.replies.medianFirstReplyMs)
              }
              id="first-reply"
            />
            <Tile
              label={t.t('console.dashboard.negativeAnswered')}
              value={`${percent(data.replies.negativeAnsweredShare)} (${t.formatNumber(data.replies.negativeAnswered)}/${t.formatNumber(data.replies.negative)})`}
            />
            <Tile label={t.t('console.dashboard.photoShare')} value={percent(data.photos.share)} />
            <Tile label={t.t('console.dashboard.pending')} value={t.formatNumber(data.pending)} />
          </dl>
          <div class={css.card}>
            <TrendChart
              title={t.t('console.dashboard.trend')}
              tableLabel={t.t('console.dashboard.table')}
              headings={{
                week: t.t('console.dashboard.week'),
                count: t.t('console.dashboard.reviews'),
                mean: t.t('console.dashboard.mean'),
              }}
              points={data.trend.map((week) => ({
                label: week.week,
                count: week.count,
                mean: week.mean,
                countText: reviewsText(week.count),
                meanText: week.mean === null ? '—' : `${t.formatRating(week.mean)} ★`,
              }))}
            />
          </div>
          <div class={css.card}>
            <BarChart
              title={t.t('console.dashboard.histogram')}
              tableLabel={t.t('console.dashboard.table')}
              valueHeading={t.t('console.dashboard.reviews')}
              bars={[5, 4, 3, 2, 1].map((stars) => ({
                label: t.t('console.stars', { rating: stars }),
                value: data.histogram[stars - 1] ?? 0,
                detail: reviewsText(data.histogram[stars - 1] ?? 0),
              }))}
            />
          </div>
          <ProductTables data={data} />
          <div class={css.card}>
            <BarChart
              title={t.t('console.dashboard.referralFunnel')}
              tableLabel={t.t('console.dashboard.table')}
              valueHeading={t.t('console.dashboard.count')}
              bars={(['invites', 'visits', 'signUps', 'purchases', 'rewards'] as const).map(
                (step) => ({
                  label: t.t(`console.funnel.${step}`),
                  value: data.referrals[step],
                  detail: t.formatNumber(data.referrals[step]),
                }),
              )}
            />
            <h3>{t.t('console.dashboard.topInviters')}</h3>
            {data.referrals.topInviters.length ? (
              <table class={css.table}>
                <thead>
                  <tr>
                    <th scope="col">{t.t('console.dashboard.inviter')}</th>
                    <th scope="col">{t.t('console.funnel.signUps')}</th>
                    <th scope="col">{t.t('console.funnel.rewards')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.referrals.topInviters.map((inviter) => (
                    <tr key={inviter.code}>
                      <th scope="row">{inviter.name}</th>
                      <td>{t.formatNumber(inviter.converted)}</td>
                      <td>{t.formatNumber(inviter.rewarded)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class={css.muted}>{t.t('console.dashboard.none')}</p>
            )}
          </div>
          <div class={css.card}>
            <BarChart
              title={t.t('console.dashboard.widgetFunnel')}
              tableLabel={t.t('console.dashboard.table')}
              valueHeading={t.t('console.dashboard.count')}
              bars={(['impressions', 'interactions', 'submissions'] as const).map((step) => ({
                label: t.t(`console.funnel.${step}`),
                value: data.widgets[step],
                detail: t.formatNumber(data.widgets[step]),
              }))}
            />
          </div>
        </>
      ) : stats.loading ? (
        <p>{t.t('console.loading')}</p>
      ) : null}
    </section>
  );
}

function Tile({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <div class={css.tile}>
      <dt class={css.muted}>{label}</dt>
      <dd class={css.tileValue} style={{ margin: 0 }} id={id}>
        {value}
      </dd>
    </div>
  );
}

function ProductTables({ data }: { data: DashboardStats }) {
  const t = translator.value;
  const tables = [
    ['console.dashboard.topByRating', data.topProducts.byRating],
    ['console.dashboard.topByVolume', data.topProducts.byVolume],
  ] as const;
  return (
    <div class={css.card}>
      {tables.map(([titleKey, rows]) => (
        <div key={titleKey}>
          <h3>{t.t(titleKey)}</h3>
          {rows.length ? (
            <table class={css.table}>
              <thead>
                <tr>
                  <th scope="col">{t.t('console.inbox.product')}</th>
                  <th scope="col">{t.t('console.dashboard.mean')}</th>
                  <th scope="col">{t.t('console.dashboard.reviews')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.product}>
                    <th scope="row">{row.name}</th>
                    <td>{t.formatRating(row.mean)}</td>
                    <td>{t.formatNumber(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class={css.muted}>{t.t('console.dashboard.none')}</p>
          )}
        </div>
      ))}
    </div>
  );
}
