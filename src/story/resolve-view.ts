/**
 * A step's view, from its fields: an explicit camera (`center`, `zoom`, `bearing`, `pitch`),
 * `bounds`, or `fit` (the bounds of features, padded to a minimum span). Problems go to `fail`.
 */
import type { Field } from './parse.ts';
import type { LayerCatalog } from './resolve.ts';
import type { Bounds, View } from './types.ts';

/** A fit on a single point still needs an area to show: at least this many degrees across. */
const MIN_FIT_SPAN = 3;

export function resolveView(
  fields: Record<string, Field>,
  catalog: LayerCatalog,
  fail: (reason: string) => void,
): View | undefined {
  const kinds = ['center', 'bounds', 'fit'].filter((key) => fields[key]);
  if (kinds.length !== 1) {
    fail(
      `needs exactly one view (has ${kinds.join(', ') || 'none'}); give "center" with "zoom", or "bounds", or "fit"`,
    );
    return undefined;
  }
  if (fields.center) {
    const center = numbers(fields.center, 2, fail);
    const zoom = numbers(fields.zoom, 1, fail, 'zoom')?.[0];
    const bearing = fields.bearing ? numbers(fields.bearing, 1, fail)?.[0] : 0;
    const pitch = fields.pitch ? numbers(fields.pitch, 1, fail)?.[0] : 0;
    if (!center || zoom === undefined || bearing === undefined || pitch === undefined)
      return undefined;
    if (!inWorld(center[0]!, center[1]!))
      return void fail(
        `center ${center.join(', ')} is outside [-180, 180] x [-85, 85]; write longitude first, then latitude`,
      );
    if (zoom < 0 || zoom > 22) return void fail(`zoom ${zoom} is outside 0-22`);
    if (pitch < 0 || pitch > 85) return void fail(`pitch ${pitch} is outside 0-85`);
    if (Math.abs(bearing) > 360) return void fail(`bearing ${bearing} is outside -360 to 360`);
    return { kind: 'camera', center: [center[0]!, center[1]!], zoom, bearing, pitch };
  }
  for (const key of ['zoom', 'bearing', 'pitch']) {
    if (fields[key]) fail(`"${key}" only goes with "center"`);
  }
  if (fields.bounds) {
    const b = numbers(fields.bounds, 4, fail);
    if (!b) return undefined;
    const bounds: Bounds = [
      [b[0]!, b[1]!],
      [b[2]!, b[3]!],
    ];
    return checkBounds(bounds, fail);
  }
  const ids = list(fields.fit);
  const boxes = ids.map((id) => {
    const box = Object.values(catalog).find((layer) => layer[id])?.[id]?.bbox;
    if (!box) fail(`fits "${id}", which is in no layer of geo/; fix the id or add the feature`);
    return box;
  });
  if (ids.length === 0)
    return void fail('"fit" names no feature; list the ids of the features to show');
  if (boxes.some((box) => !box)) return undefined;
  return checkBounds(padToMinimum(unionBounds(boxes as [number, number, number, number][])), fail);
}

function numbers(
  field: Field | undefined,
  count: number,
  fail: (reason: string) => void,
  name = 'value',
): number[] | undefined {
  if (!field) return void fail(`needs "${name}"`);
  const values = field.value.split(',').map((item) => Number(item.trim()));
  if (values.length !== count || values.some((value) => !Number.isFinite(value))) {
    return void fail(
      `line ${field.line}: expected ${count} comma-separated number(s), got "${field.value}"`,
    );
  }
  return values;
}

function inWorld(lng: number, lat: number): boolean {
  return lng >= -180 && lng <= 180 && lat >= -85 && lat <= 85;
}

function checkBounds(bounds: Bounds, fail: (reason: string) => void): View | undefined {
  const [[west, south], [east, north]] = bounds;
  if (!inWorld(west, south) || !inWorld(east, north)) {
    return void fail(
      `bounds ${bounds.flat().join(', ')} reach outside [-180, 180] x [-85, 85]; write west, south, east, north`,
    );
  }
  if (west >= east || south >= north) {
    return void fail(`bounds ${bounds.flat().join(', ')} are not west, south, east, north`);
  }
  return { kind: 'bounds', bounds };
}

function unionBounds(boxes: [number, number, number, number][]): Bounds {
  const west = Math.min(...boxes.map((b) => b[0]));
  const south = Math.min(...boxes.map((b) => b[1]));
  const east = Math.max(...boxes.map((b) => b[2]));
  const north = Math.max(...boxes.map((b) => b[3]));
  return [
    [west, south],
    [east, north],
  ];
}

/** Widens bounds narrower than MIN_FIT_SPAN degrees around their centre, clamped to the world. */
export function padToMinimum([[west, south], [east, north]]: Bounds): Bounds {
  const widen = (lo: number, hi: number, min: number, max: number): [number, number] => {
    if (hi - lo >= MIN_FIT_SPAN) return [lo, hi];
    const mid = (lo + hi) / 2;
    return [Math.max(min, mid - MIN_FIT_SPAN / 2), Math.min(max, mid + MIN_FIT_SPAN / 2)];
  };
  const [w, e] = widen(west, east, -180, 180);
  const [s, n] = widen(south, north, -85, 85);
  return [
    [w, s],
    [e, n],
  ];
}

/** A comma-separated field as a list of its items. */
export function list(field: Field | undefined): string[] {
  return (field?.value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
