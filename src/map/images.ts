/**
 * The map's symbols and zone patterns, drawn on a canvas the first time a layer needs one: no
 * sprite sheet to fetch, and only the patterns a step uses are ever made.
 */
import type * as maplibregl from 'maplibre-gl';
import { parsePatternId, TILE } from './patterns.ts';
import { SYMBOLS } from './symbology.ts';

export function resolveImagesOnDemand(map: maplibregl.Map): void {
  map.setMissingStyleImageResolver((id) => {
    if (map.hasImage(id)) return;
    if (id === 'arrow') map.addImage('arrow', arrowImage(), { sdf: true });
    if (id === 'dot') map.addImage('dot', dotImage(), { sdf: true });
    const zone = parsePatternId(id);
    if (zone) map.addImage(id, patternImage(zone.pattern, zone.colour), { pixelRatio: 2 });
  });
}

/** A chevron pointing east, recoloured by the layers that use it (an SDF image). */
function arrowImage(): ImageData {
  const size = 32;
  const context = canvas(size);
  context.fillStyle = '#000';
  context.beginPath();
  context.moveTo(8, 6);
  context.lineTo(26, 16);
  context.lineTo(8, 26);
  context.lineTo(13, 16);
  context.closePath();
  context.fill();
  return context.getImageData(0, 0, size, size);
}

/** How wide the dot is in its image; layers scale it by `radius / DOT_RADIUS`. */
export const DOT_RADIUS = 8;

/**
 * A disc as a signed distance field (maplibre's convention: 0.75 of full alpha on the edge, a
 * quarter of that per pixel outward), so it draws smooth at any size and can take a halo.
 */
function dotImage(): ImageData {
  const size = 32;
  const context = canvas(size);
  const image = context.createImageData(size, size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const outside = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) - DOT_RADIUS;
      image.data[(y * size + x) * 4 + 3] = Math.max(0, Math.min(255, 192 - outside * 32));
    }
  }
  return image;
}

/** One tile of a zone's pattern, drawn at twice the CSS pixel size for sharp edges. */
function patternImage(pattern: { path: string; filled: boolean }, colour: string): ImageData {
  const size = TILE * 2;
  const context = canvas(size);
  context.scale(2, 2);
  const { washOpacity, lineOpacity, lineWidth } = SYMBOLS.zonePattern;
  context.fillStyle = colour;
  context.globalAlpha = washOpacity;
  context.fillRect(0, 0, TILE, TILE);
  context.globalAlpha = lineOpacity;
  if (pattern.path) {
    const path = new Path2D(pattern.path);
    if (pattern.filled) {
      context.fill(path);
    } else {
      context.strokeStyle = colour;
      context.lineWidth = lineWidth;
      context.stroke(path);
    }
  }
  return context.getImageData(0, 0, size, size);
}

function canvas(size: number): CanvasRenderingContext2D {
  const element = document.createElement('canvas');
  element.width = element.height = size;
  return element.getContext('2d')!;
}
