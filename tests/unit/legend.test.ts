import { describe, expect, it } from 'vitest';
import { ACTORS } from '../../src/map/actors.ts';
import { legendFor } from '../../src/map/legend.ts';

describe('legendFor', () => {
  it('lists each kind of drawn symbol once, places and lines before areas', () => {
    const legend = legendFor(
      [
        { layer: 'zones', properties: { id: 'north', actor: 'drv', kind: 'state' } },
        { layer: 'troop-movements', properties: { id: 'a', actor: 'prc' } },
        { layer: 'troop-movements', properties: { id: 'b', actor: 'prc' } },
        { layer: 'places', properties: { id: 'hanoi' } },
        { layer: 'places', properties: { id: 'saigon' } },
        { layer: 'places', properties: { id: 'hanoi' } },
        { layer: 'demarcation', properties: { id: 'pmdl' } },
        { layer: 'diplomacy', properties: { id: 'link', actor: 'usa' } },
      ],
      { highlighted: new Set(['places/hanoi']), own: new Set(['troop-movements/a']) },
    );
    expect(legend).toEqual([
      { label: 'Place', symbol: { kind: 'place', highlighted: false } },
      { label: 'Place in this step', symbol: { kind: 'place', highlighted: true } },
      { label: 'Demarcation line (1954)', symbol: { kind: 'demarcation' } },
      {
        label: 'PRC (China): troop movement',
        symbol: { kind: 'movement', colour: ACTORS.prc.colour },
      },
      {
        label: 'Other movements, routes and journeys',
        symbol: { kind: 'context-line' },
      },
      { label: 'Other zones of the time', symbol: { kind: 'context-zone' } },
    ]);
  });

  it('draws every feature as its own in the explore view, and marks planned movements', () => {
    const legend = legendFor(
      [
        { layer: 'zones', properties: { id: 'north', actor: 'drv', kind: 'state' } },
        { layer: 'zones', properties: { id: 'ops', actor: 'prc', kind: 'operations' } },
        { layer: 'troop-movements', properties: { id: 'p', actor: 'drv', status: 'planned' } },
        { layer: 'diplomacy', properties: { id: 'link', actor: 'usa' } },
      ],
      { highlighted: new Set(['zones/ops']), own: 'all' },
    );
    expect(legend).toEqual([
      {
        label: 'DRV / Viet Minh / PAVN: planned movement, never carried out',
        symbol: { kind: 'planned', colour: ACTORS.drv.colour },
      },
      { label: 'United States: journey', symbol: { kind: 'link', colour: ACTORS.usa.colour } },
      {
        label: 'DRV / Viet Minh / PAVN: state',
        symbol: { kind: 'zone', colour: ACTORS.drv.colour, pattern: null },
      },
      {
        label: 'PRC (China): area of operations',
        symbol: { kind: 'zone', colour: ACTORS.prc.colour, pattern: 'operations' },
      },
    ]);
  });

  it('lists nothing when nothing is drawn, and skips what it cannot name', () => {
    const none = { highlighted: new Set<string>(), own: 'all' as const };
    expect(legendFor([], none)).toEqual([]);
    expect(legendFor([{ layer: 'zones', properties: { kind: 'state' } }], none)).toEqual([]);
  });
});
