/**
 * Whether this browser gives pages a WebGL context at all. Chrome stops doing so after repeated
 * GPU crashes, and then a fresh page fails exactly as this one did: asked only once the map has
 * failed, to tell a fault a reload may cure from one it cannot.
 */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    context?.getExtension('WEBGL_lose_context')?.loseContext();
    return context !== null;
  } catch {
    return false;
  }
}
