/**
 * Who acted: every movement, route, zone and diplomatic link names one actor, and each actor keeps
 * one hue on the map and in the legend. The hues come from the Okabe–Ito colour-blind-safe set,
 * darkened until each reaches 3:1 against the land (tests/unit/contrast.test.ts); line styles and
 * fill patterns, not hue, tell the kinds of feature apart.
 */
export const ACTORS = {
  prc: { label: 'PRC (China)', colour: '#c23b00' },
  // The same party before it founded the PRC (1 October 1949): the same hue, its own name.
  ccp: { label: 'Chinese Communists (before the PRC)', colour: '#c23b00' },
  drv: { label: 'DRV / Viet Minh / PAVN', colour: '#8e3a74' },
  'pathet-lao': { label: 'Pathet Lao', colour: '#8a5c00' },
  france: { label: 'France', colour: '#007a5e' },
  usa: { label: 'United States', colour: '#0a5fa8' },
  rvn: { label: 'State of Vietnam / RVN', colour: '#4f6f16' },
  ussr: { label: 'Soviet Union', colour: '#4a4a4a' },
  roc: { label: 'Republic of China (Nationalist)', colour: '#4b6b80' },
  seato: { label: 'SEATO', colour: '#3d5a99' },
  international: { label: 'International', colour: '#5e574d' },
} as const satisfies Record<string, { label: string; colour: string }>;

export type Actor = keyof typeof ACTORS;

export const ACTOR_IDS = Object.keys(ACTORS) as Actor[];

export function isActor(value: unknown): value is Actor {
  return typeof value === 'string' && Object.hasOwn(ACTORS, value);
}

/** A maplibre expression giving a feature's actor colour (the ink colour when it names none). */
export function actorColour(fallback: string): unknown[] {
  return [
    'match',
    ['get', 'actor'],
    ...ACTOR_IDS.flatMap((id) => [id, ACTORS[id].colour]),
    fallback,
  ];
}
