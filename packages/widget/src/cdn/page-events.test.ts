import { describe, expect, it } from 'vitest';
import type { EmitInput } from '../shared/services.ts';
import { createPageEvents } from './page-events.ts';

/** A placeholder on the page and the Koubei events that leave it, as `type:widget`. */
function placeholder() {
  const host = document.createElement('div');
  document.body.append(host);
  const heard: string[] = [];
  for (const type of ['impression', 'view'])
    host.addEventListener(`koubei:${type}`, (event) => {
      const detail = (event as CustomEvent<{ type: string; widget: string }>).detail;
      heard.push(`${detail.type}:${detail.widget}`);
    });
  return { host, heard };
}

const events = () =>
  createPageEvents({ store: 'tea-house', schemaVersion: 1, beaconUrl: null, dataLayer: undefined });
const impression = (widget: EmitInput['widget']): EmitInput => ({ type: 'impression', widget });

describe('impressions of floating widgets', () => {
  it('come from the banner showing, once, and not from its placeholder', () => {
    const page = events();
    const { host, heard } = placeholder();
    page.watchImpression(host, impression('invitee-banner'));
    expect(heard).toEqual([]);
    page.emit(host, { type: 'view', widget: 'invitee-banner' });
    page.emit(host, { type: 'view', widget: 'invitee-banner' });
    expect(heard).toEqual([
      'impression:invitee-banner',
      'view:invitee-banner',
      'view:invitee-banner',
    ]);
  });

  it('count a banner that showed before the impression was asked for', () => {
    const page = events();
    const { host, heard } = placeholder();
    page.emit(host, { type: 'view', widget: 'invitee-banner' });
    page.watchImpression(host, impression('invitee-banner'));
    expect(heard).toEqual(['view:invitee-banner', 'impression:invitee-banner']);
  });

  it('count nothing for a banner that never shows, or was removed first', () => {
    const page = events();
    const never = placeholder();
    page.watchImpression(never.host, impression('invitee-banner'));
    const removed = placeholder();
    page.watchImpression(removed.host, impression('invitee-banner'));
    page.forget(removed.host);
    page.emit(removed.host, { type: 'view', widget: 'invitee-banner' });
    expect(never.heard).toEqual([]);
    expect(removed.heard).toEqual(['view:invitee-banner']);
  });

  it('leave in-page widgets to visibility: their view is not an impression', () => {
    const page = events();
    const { host, heard } = placeholder();
    page.watchImpression(host, impression('reviews'));
    page.emit(host, { type: 'view', widget: 'reviews' });
    expect(heard).toEqual(['view:reviews']);
  });
});
