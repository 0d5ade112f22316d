import { describe, expect, it } from 'vitest';
import { share, type ShareRequest } from '../../src/modes/share.ts';

const request: ShareRequest = {
  pageUrl: 'https://example.edu/mao/?section=old#old-step',
  scope: 'story',
  section: { id: 'supporting-wars', title: 'Supporting “wars of national liberation”' },
  stepId: 'dien-bien-phu-campaign',
  height: 720,
  title: 'Mao & Indochina',
};

describe('share', () => {
  it('shares the whole story from the page’s own address, without its query or hash', () => {
    const result = share(request);
    expect(result.link).toBe('https://example.edu/mao/');
    expect(result.embedUrl).toBe('https://example.edu/mao/?mode=embed');
    expect(result.iframe).toBe(
      '<iframe src="https://example.edu/mao/?mode=embed" title="Mao &amp; Indochina" ' +
        'width="100%" height="720" style="border:0" loading="lazy" allowfullscreen></iframe>',
    );
  });

  it('shares a section as a link to its start and an embed of that section alone', () => {
    const result = share({ ...request, scope: 'section', height: 600 });
    expect(result.link).toBe('https://example.edu/mao/?section=supporting-wars');
    expect(result.embedUrl).toBe('https://example.edu/mao/?mode=embed&section=supporting-wars');
    expect(result.iframe).toContain('height="600"');
    expect(result.iframe).toContain(
      'title="Mao &amp; Indochina: Supporting “wars of national liberation”"',
    );
  });

  it('shares a step as a deep link, and embeds its section opened at the step', () => {
    const result = share({ ...request, scope: 'step' });
    expect(result.link).toBe('https://example.edu/mao/#dien-bien-phu-campaign');
    expect(result.embedUrl).toBe(
      'https://example.edu/mao/?mode=embed&section=supporting-wars&step=dien-bien-phu-campaign',
    );
  });

  it('escapes quotes in attributes so the code cannot break out of them', () => {
    const result = share({ ...request, title: 'A "quoted" <title>' });
    expect(result.iframe).toContain('title="A &quot;quoted&quot; &lt;title>"');
  });
});
