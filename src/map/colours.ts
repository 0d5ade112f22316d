/** The map's palette, shared by the live map and the static maps drawn at build time. */
export const SEA = '#d9e4ea';
export const LAND = '#f3efe6';
export const COAST = '#9fb3bf';
export const BORDER = '#a49b8c';
export const RIVER = '#8fb1c6';
export const RIVER_TEXT = '#4f7891';
/** Places and labels. */
export const INK = '#2b2a28';
/** The step's own features, the demarcation line and its zone. */
export const ACCENT = '#b3261e';
/** What the step is not about: earlier movements, standing routes, other zones. */
export const CONTEXT = '#8c877d';
export const STATE_TEXT = '#5e574d';
export const HALO = 'rgba(255, 255, 255, 0.9)';
/** Casings and the rims of dots: lift a symbol off whatever lies under it. */
export const WHITE = '#ffffff';
/** No fill (a ring). */
export const TRANSPARENT = 'rgba(0, 0, 0, 0)';
