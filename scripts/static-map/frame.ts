/** The live map's framing for a static map: its projection, zoom and the area in view. */
import { geoMercator, type GeoProjection } from 'd3-geo';
import type { View } from '../../src/story/types.ts';
import type { Box } from './geometry.ts';

/** Space kept around fitted bounds, in pixels. */
const FIT_PADDING = 32;
/** The clip rectangle reaches this far beyond the viewport, so that clip edges are never seen. */
const CLIP_MARGIN = 4;
/** Geometry this close to the viewport still counts as in view (wide lines, dots). */
const CULL_MARGIN = 8;
/** maplibre's own cap on zoom, used if bounds are a single point. */
const MAX_ZOOM = 22;

/** The longitudes (continuous, possibly beyond ±180) and latitudes in view, with a margin. */
export interface Visible {
  west: number;
  east: number;
  south: number;
  north: number;
}

const scaleAt = (zoom: number) => (512 * 2 ** zoom) / (2 * Math.PI);

/**
 * The live map's framing in Web Mercator. A camera's zoom z is maplibre's: the world is 512 * 2^z
 * pixels wide. A bounds view is fitted with padding, as maplibre's cameraForBounds does. A static
 * map is drawn north up and seen from above: a camera's bearing and pitch are ignored.
 * Lines are drawn straight in the projected plane, as maplibre draws them (no great-circle
 * resampling: precision 0). Clipped just beyond the viewport.
 */
export function frame(view: View, width: number, height: number): GeoProjection {
  const projection = geoMercator().precision(0);
  const camera = (center: [number, number], zoom: number) =>
    projection
      .rotate([-center[0], 0])
      .center([0, center[1]])
      .scale(scaleAt(zoom))
      .translate([width / 2, height / 2]);
  if (view.kind === 'camera') {
    camera(view.center, view.zoom);
  } else {
    const [[west, south], [east0, north]] = view.bounds;
    const east = east0 < west ? east0 + 360 : east0; // bounds across the antimeridian
    const corners = [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
    ];
    projection.rotate([-(west + east) / 2, 0]).fitExtent(
      [
        [FIT_PADDING, FIT_PADDING],
        [width - FIT_PADDING, height - FIT_PADDING],
      ],
      { type: 'MultiPoint', coordinates: corners },
    );
    if (!(projection.scale() <= scaleAt(MAX_ZOOM))) {
      camera([(west + east) / 2, (south + north) / 2], MAX_ZOOM);
    }
  }
  return projection.clipExtent([
    [-CLIP_MARGIN, -CLIP_MARGIN],
    [width + CLIP_MARGIN, height + CLIP_MARGIN],
  ]);
}

/** The projection's zoom, as maplibre counts it. */
export function zoomOf(projection: GeoProjection): number {
  return Math.log2((projection.scale() * 2 * Math.PI) / 512);
}

export function visibleArea(projection: GeoProjection, width: number, height: number): Visible {
  const invert = (x: number, y: number) => projection.invert!([x, y]) ?? [0, 0];
  const center = invert(width / 2, height / 2)[0];
  const half = (((width / 2 + CULL_MARGIN) / projection.scale()) * 180) / Math.PI;
  return {
    west: center - half,
    east: center + half,
    north: invert(width / 2, -CULL_MARGIN)[1],
    south: invert(width / 2, height + CULL_MARGIN)[1],
  };
}

/** Whether a box in degrees reaches into the visible area, on any copy of the world. */
export function intersects([x0, y0, x1, y1]: Box, view: Visible): boolean {
  if (y0 > view.north || y1 < view.south) return false;
  if (view.east - view.west >= 360) return true;
  return [-360, 0, 360].some((shift) => x0 + shift <= view.east && x1 + shift >= view.west);
}
