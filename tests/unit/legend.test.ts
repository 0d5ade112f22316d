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
      new Set(['places/hanoi']),
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
        label: 'United States: journey to talks',
        symbol: { kind: 'link', colour: ACTORS.usa.colour },
      },
      {
        label: 'DRV / Viet Minh / PAVN: state',
        symbol: { kind: 'zone', colour: ACTORS.drv.colour, pattern: 'state' },
      },
    ]);
  });

  it('lists nothing when nothing is drawn, and skips what it cannot name', () => {
    expect(legendFor([], new Set())).toEqual([]);
    expect(legendFor([{ layer: 'zones', properties: { kind: 'state' } }], new Set())).toEqual([]);
  });
});
