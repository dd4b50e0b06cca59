import { createKoubei } from '../create-koubei.ts';
import type { KoubeiServices } from '../shared/services.ts';
import type { Scenario } from './fixture-api.ts';
import { createFixtureClient } from './fixture-api.ts';

/** Services for a story or a component test: the real client on fixture data. */
export function storyKoubei(scenario: Scenario, locale = 'en'): KoubeiServices {
  const koubei = createKoubei({
    apiBase: 'https://api.koubei.test',
    store: 'tea-house',
    client: createFixtureClient(scenario),
    locale,
  });
  // Fixture photos come from the local Storybook server (http on localhost).
  return {
    ...koubei,
    urlOptions: { allowHttpLoopback: true },
    now: () => Date.parse('2026-11-22T10:00:00Z'),
  };
}

export const SCENARIOS: readonly Scenario[] = [
  'normal',
  'empty',
  'one',
  'long',
  'many-photos',
  'hostile',
  'loading',
  'error',
];
