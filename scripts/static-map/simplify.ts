/** Simplification of a static map's projected lines, in pixels. */
import type { GeoStream } from 'd3-geo';

/** Simplification tolerance, in pixels. */
const TOLERANCE = 0.4;
/** Rings smaller than this across, in pixels, are not drawn. */
const MIN_RING = 1;

/**
 * A stream stage after projection and clipping: simplifies each line and ring in pixels and drops
 * rings too small to see.
 */
export function simplifyStream(sink: GeoStream): GeoStream {
  let polygon = false;
  let line: number[] | null = null;
  return {
    point(x, y) {
      if (line) line.push(x, y);
      else sink.point(x, y);
    },
    lineStart() {
      line = [];
    },
    lineEnd() {
      const kept = douglasPeucker(line ?? [], TOLERANCE);
      line = null;
      if (kept.length < (polygon ? 6 : 4)) return;
      if (polygon) {
        const xs = kept.filter((_, i) => i % 2 === 0);
        const ys = kept.filter((_, i) => i % 2 === 1);
        const across = Math.max(
          Math.max(...xs) - Math.min(...xs),
          Math.max(...ys) - Math.min(...ys),
        );
        if (across < MIN_RING) return;
      }
      sink.lineStart();
      for (let i = 0; i < kept.length; i += 2) sink.point(kept[i]!, kept[i + 1]!);
      sink.lineEnd();
    },
    polygonStart() {
      polygon = true;
      sink.polygonStart();
    },
    polygonEnd() {
      polygon = false;
      sink.polygonEnd();
    },
    sphere() {
      sink.sphere?.();
    },
  };
}

/** Douglas–Peucker on flat [x0, y0, x1, y1, …] coordinates; keeps both ends. */
function douglasPeucker(xy: number[], tolerance: number): number[] {
  const n = xy.length / 2;
  if (n <= 2) return xy;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const limit = tolerance * tolerance;
  const stack = [0, n - 1];
  while (stack.length) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let farthest = -1;
    let max = limit;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(xy, i, first, last);
      if (d > max) {
        max = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push(first, farthest, farthest, last);
    }
  }
  return xy.filter((_, i) => keep[i >> 1]);
}

/** Squared distance from point p to the segment a–b, all indexes into flat coordinates. */
function segmentDistance2(xy: number[], p: number, a: number, b: number): number {
  const [px, py, ax, ay, bx, by] = [
    xy[2 * p]!,
    xy[2 * p + 1]!,
    xy[2 * a]!,
    xy[2 * a + 1]!,
    xy[2 * b]!,
    xy[2 * b + 1]!,
  ];
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2)) : 0;
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}
