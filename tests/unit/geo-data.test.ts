/**
 * The project's own content passes every check the build makes (the same loadStoryData the
 * build runs), so a broken geo/ file or step fails `npm test` with the file, feature and reason.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStoryData } from '../../scripts/story-plugin.ts';

describe('the project’s geo/ layers and story', () => {
  it('pass every check', () => {
    expect(() => loadStoryData(join(import.meta.dirname, '..', '..'))).not.toThrow();
  });
});
