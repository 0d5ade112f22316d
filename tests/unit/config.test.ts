import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadStoryData } from '../../scripts/story-plugin.ts';
import { DEFAULT_CONFIG, loadConfig, parseConfig, parseOrigin } from '../../src/config.ts';

const STEPS = ['dien-bien-phu-campaign', 'geneva-agreement-1954', 'paris-talks-1968'];
const parse = (json: unknown, search = '') => parseConfig(json, search, STEPS);
const kiosk = (fields: Record<string, unknown>, search = '') => parse({ kiosk: fields }, search);

describe('parseConfig', () => {
  it('gives the defaults for an empty file, without warnings', () => {
    expect(parse({})).toEqual({ config: DEFAULT_CONFIG, warnings: [] });
    expect(DEFAULT_CONFIG).toEqual({
      kiosk: { idleSeconds: 90, countdownSeconds: 20, attractSteps: [], attractSeconds: 12 },
      embed: { allowedOrigins: null },
    });
  });

  it('reads the shipped static/config.json without warnings: default times, real attract steps', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../static/config.json', import.meta.url), 'utf8'),
    );
    const { story } = loadStoryData(process.cwd());
    const { config, warnings } = parseConfig(
      file,
      '',
      story.steps.map((step) => step.id),
    );
    expect(warnings).toEqual([]);
    expect(config.kiosk.attractSteps.length).toBeGreaterThan(4);
    expect({ ...config, kiosk: { ...config.kiosk, attractSteps: [] } }).toEqual(DEFAULT_CONFIG);
  });

  it('returns copies: changing the result leaves DEFAULT_CONFIG alone', () => {
    const { config } = parse({});
    config.kiosk.attractSteps.push('x');
    config.kiosk.attractSteps.push('y');
    config.kiosk.idleSeconds = 1;
    expect(DEFAULT_CONFIG.kiosk).toEqual({
      idleSeconds: 90,
      countdownSeconds: 20,
      attractSteps: [],
      attractSeconds: 12,
    });
    expect(DEFAULT_CONFIG.embed.allowedOrigins).toBeNull();
  });

  it('merges valid values over the defaults, field by field', () => {
    const { config, warnings } = parse({
      $comment: 'notes for the museum',
      kiosk: {
        $comment: { idleSeconds: 'why' },
        idleSeconds: 120,
        attractSteps: ['paris-talks-1968', 'dien-bien-phu-campaign'],
      },
      embed: { allowedOrigins: ['https://canvas.example.edu'] },
    });
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      kiosk: {
        idleSeconds: 120,
        countdownSeconds: 20,
        attractSteps: ['paris-talks-1968', 'dien-bien-phu-campaign'],
        attractSeconds: 12,
      },
      embed: { allowedOrigins: ['https://canvas.example.edu'] },
    });
  });

  it('accepts each time at the ends of its range', () => {
    const low = kiosk({ idleSeconds: 5, countdownSeconds: 20, attractSeconds: 3 });
    const high = kiosk({ idleSeconds: 3600, countdownSeconds: 600, attractSeconds: 600 });
    expect(low.warnings).toEqual([]);
    expect(high.warnings).toEqual([]);
    expect(low.config.kiosk).toMatchObject({
      idleSeconds: 5,
      countdownSeconds: 20,
      attractSeconds: 3,
    });
    expect(high.config.kiosk).toMatchObject({
      idleSeconds: 3600,
      countdownSeconds: 600,
      attractSeconds: 600,
    });
  });

  describe('bad times fall back to the default, with a warning naming field, value and range', () => {
    const cases: [string, unknown, string, number][] = [
      ['idleSeconds', 4, '5 to 3600', 90],
      ['idleSeconds', 3601, '5 to 3600', 90],
      ['idleSeconds', '90', '5 to 3600', 90],
      ['idleSeconds', null, '5 to 3600', 90],
      ['idleSeconds', -1, '5 to 3600', 90],
      ['countdownSeconds', 19, '20 to 600', 20],
      ['countdownSeconds', 5, '20 to 600', 20],
      ['countdownSeconds', 601, '20 to 600', 20],
      ['countdownSeconds', true, '20 to 600', 20],
      ['attractSeconds', 2, '3 to 600', 12],
      ['attractSeconds', 601, '3 to 600', 12],
      ['attractSeconds', [12], '3 to 600', 12],
      ['attractSeconds', { seconds: 12 }, '3 to 600', 12],
    ];
    for (const [field, value, range, fallback] of cases) {
      it(`${field}: ${JSON.stringify(value)}`, () => {
        const { config, warnings } = kiosk({ [field]: value });
        expect(config.kiosk[field as 'idleSeconds']).toBe(fallback);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain(`kiosk.${field}`);
        expect(warnings[0]).toContain(JSON.stringify(value));
        expect(warnings[0]).toContain(range);
        expect(warnings[0]).toContain(String(fallback));
      });
    }

    it('NaN and Infinity (which JSON cannot hold, but a caller can pass)', () => {
      for (const value of [NaN, Infinity, -Infinity]) {
        const { config, warnings } = kiosk({ idleSeconds: value });
        expect(config.kiosk.idleSeconds).toBe(90);
        expect(warnings[0]).toMatch(/kiosk\.idleSeconds is .*5 to 3600/);
      }
    });
  });

  it('keeps the other fields when one is bad', () => {
    const { config, warnings } = kiosk({ idleSeconds: 'soon', attractSeconds: 30 });
    expect(config.kiosk.idleSeconds).toBe(90);
    expect(config.kiosk.attractSeconds).toBe(30);
    expect(warnings).toHaveLength(1);
  });

  describe('attractSteps', () => {
    it('drops unknown step ids with one warning naming them, keeping the order of the rest', () => {
      const { config, warnings } = kiosk({
        attractSteps: ['paris-talks-1968', 'dien-bien-phu', 'geneva-agreement-1954', 'bandung'],
      });
      expect(config.kiosk.attractSteps).toEqual(['paris-talks-1968', 'geneva-agreement-1954']);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('kiosk.attractSteps');
      expect(warnings[0]).toContain('"dien-bien-phu"');
      expect(warnings[0]).toContain('"bandung"');
      expect(warnings[0]).not.toContain('paris-talks-1968');
      expect(warnings[0]).toContain('## step: <id>');
    });

    it('drops entries that are not strings', () => {
      const { config, warnings } = kiosk({ attractSteps: ['paris-talks-1968', 7, null] });
      expect(config.kiosk.attractSteps).toEqual(['paris-talks-1968']);
      expect(warnings[0]).toContain('7, null');
    });

    it('falls back to [] (every highlighted step) when it is not a list', () => {
      for (const value of ['paris-talks-1968', 3, null, { a: 1 }]) {
        const { config, warnings } = kiosk({ attractSteps: value });
        expect(config.kiosk.attractSteps).toEqual([]);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain('kiosk.attractSteps');
        expect(warnings[0]).toContain(JSON.stringify(value));
        expect(warnings[0]).toContain('list of step ids');
      }
    });

    it('accepts an empty list', () => {
      expect(kiosk({ attractSteps: [] })).toEqual({ config: DEFAULT_CONFIG, warnings: [] });
    });
  });

  describe('embed.allowedOrigins', () => {
    it('keeps origins, normalised as a MessageEvent reports them, and drops invalid ones', () => {
      const { config, warnings } = parse({
        embed: {
          allowedOrigins: [
            'https://canvas.example.edu',
            'https://Moodle.Example.org/',
            'http://localhost:8080',
            'https://lms.example.com:443',
            'https://canvas.example.edu/courses/1',
            'canvas.example.edu',
            '*',
            'ftp://files.example.edu',
            'https://user:pw@example.edu',
            'https://example.edu?x=1',
            42,
          ],
        },
      });
      expect(config.embed.allowedOrigins).toEqual([
        'https://canvas.example.edu',
        'https://moodle.example.org',
        'http://localhost:8080',
        'https://lms.example.com',
      ]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('embed.allowedOrigins');
      for (const bad of [
        'https://canvas.example.edu/courses/1',
        'canvas.example.edu',
        '*',
        'ftp://files.example.edu',
        'https://user:pw@example.edu',
        'https://example.edu?x=1',
        '42',
      ]) {
        expect(warnings[0]).toContain(bad);
      }
      expect(warnings[0]).toContain('no path');
    });

    it('lets no host in when it is not a list, or lists no valid origin (it never fails open)', () => {
      const notList = parse({ embed: { allowedOrigins: 'https://canvas.example.edu' } });
      expect(notList.config.embed.allowedOrigins).toEqual([]);
      expect(notList.warnings[0]).toContain('embed.allowedOrigins is "https://canvas.example.edu"');
      expect(notList.warnings[0]).toContain('takes no commands from any page and posts to none');
      const invalid = parse({ embed: { allowedOrigins: ['*', 'https://lms.example/course'] } });
      expect(invalid.config.embed.allowedOrigins).toEqual([]);
      expect(invalid.warnings).toHaveLength(1);
      expect(invalid.warnings[0]).toContain('takes no commands from any page and posts to none');
    });

    it('lets any host in when the list is empty or absent', () => {
      expect(parse({ embed: { allowedOrigins: [] } })).toEqual({
        config: DEFAULT_CONFIG,
        warnings: [],
      });
      expect(DEFAULT_CONFIG.embed.allowedOrigins).toBeNull();
    });

    it('parseOrigin', () => {
      expect(parseOrigin('https://canvas.example.edu')).toBe('https://canvas.example.edu');
      expect(parseOrigin('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173');
      expect(parseOrigin('https://canvas.example.edu/x')).toBeNull();
      expect(parseOrigin('https://exa mple.edu')).toBeNull();
      expect(parseOrigin('https://')).toBeNull();
      expect(parseOrigin('null')).toBeNull();
    });
  });

  describe('unknown keys and shapes', () => {
    it('warns about unknown top-level and section keys, naming them, and ignores them', () => {
      const { config, warnings } = parse({
        kiosk: { idleSeconds: 60, idleSecond: 30 },
        embed: { allowedOrigin: 'https://a.example' },
        kiosks: {},
      });
      expect(config.kiosk.idleSeconds).toBe(60);
      expect(warnings).toHaveLength(3);
      expect(warnings[0]).toMatch(/^config\.json has unknown keys \["kiosks"\]/);
      expect(warnings[1]).toMatch(/^config\.json: kiosk has unknown keys \["idleSecond"\]/);
      expect(warnings[1]).toContain('idleSeconds, countdownSeconds, attractSteps, attractSeconds');
      expect(warnings[2]).toMatch(/^config\.json: embed has unknown keys \["allowedOrigin"\]/);
    });

    it('ignores $comment at the top and in sections', () => {
      expect(parse({ $comment: 1, kiosk: { $comment: [] }, embed: { $comment: '' } })).toEqual({
        config: DEFAULT_CONFIG,
        warnings: [],
      });
    });

    it('uses the defaults, with a warning, when the file or a section is not an object', () => {
      for (const json of [null, [], 'kiosk', 3]) {
        const { config, warnings } = parse(json);
        expect(config).toEqual(DEFAULT_CONFIG);
        expect(warnings).toEqual([
          `config.json is ${JSON.stringify(json)}; it must be an object {...}. Using the defaults.`,
        ]);
      }
      const { config, warnings } = parse({ kiosk: [90], embed: null });
      expect(config).toEqual(DEFAULT_CONFIG);
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toContain('config.json: kiosk is [90]');
      expect(warnings[1]).toContain('config.json: embed is null');
    });

    it('never throws', () => {
      const odd: unknown[] = [
        undefined,
        { kiosk: { attractSteps: [{}, [], undefined] } },
        { embed: { allowedOrigins: [null, {}, ['x']] } },
        Object.create(null),
        { kiosk: Object.create(null) },
      ];
      for (const json of odd)
        expect(() => parse(json, '?idle=&countdown=x&attract=%')).not.toThrow();
    });
  });

  describe('URL parameters', () => {
    it('override the file: idle, countdown and attract, in seconds, down to 1', () => {
      const { config, warnings } = kiosk(
        { idleSeconds: 60, countdownSeconds: 30, attractSeconds: 20 },
        '?mode=kiosk&idle=1&countdown=1&attract=1',
      );
      expect(warnings).toEqual([]);
      expect(config.kiosk).toMatchObject({
        idleSeconds: 1,
        countdownSeconds: 1,
        attractSeconds: 1,
      });
    });

    it('accept fractions and the upper bounds, and work without a leading "?"', () => {
      const { config, warnings } = parse({}, 'idle=2.5&countdown=600&attract=600');
      expect(warnings).toEqual([]);
      expect(config.kiosk).toMatchObject({
        idleSeconds: 2.5,
        countdownSeconds: 600,
        attractSeconds: 600,
      });
    });

    it('apply even when the file was bad', () => {
      const { config } = parse(null, '?idle=3');
      expect(config.kiosk.idleSeconds).toBe(3);
    });

    describe('bad values keep the file value, with a warning naming parameter, value and range', () => {
      const cases: [string, string, string][] = [
        ['idle', '0', '1 to 3600'],
        ['idle', '3601', '1 to 3600'],
        ['idle', 'abc', '1 to 3600'],
        ['idle', '', '1 to 3600'],
        ['idle', 'Infinity', '1 to 3600'],
        ['countdown', '0.5', '1 to 600'],
        ['countdown', '601', '1 to 600'],
        ['attract', '-3', '1 to 600'],
        ['attract', '1e9', '1 to 600'],
      ];
      for (const [name, value, range] of cases) {
        it(`${name}=${value}`, () => {
          const { config, warnings } = kiosk(
            { idleSeconds: 60, countdownSeconds: 30, attractSeconds: 20 },
            `?${name}=${encodeURIComponent(value)}`,
          );
          expect(config.kiosk).toMatchObject({
            idleSeconds: 60,
            countdownSeconds: 30,
            attractSeconds: 20,
          });
          expect(warnings).toHaveLength(1);
          expect(warnings[0]).toContain(`URL parameter ${name}=${JSON.stringify(value)}`);
          expect(warnings[0]).toContain(range);
          expect(warnings[0]).toMatch(/Keeping kiosk\.\w+Seconds = (60|30|20)\./);
        });
      }
    });

    it('ignores other parameters', () => {
      expect(parse({}, '?mode=kiosk&step=paris-talks-1968&lang=fr')).toEqual({
        config: DEFAULT_CONFIG,
        warnings: [],
      });
    });
  });
});

describe('loadConfig', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const serve = (response: () => Promise<Response>) => {
    const fetchMock = vi.fn<typeof fetch>(response);
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  };

  it('fetches ./config.json, applies the URL and logs each warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchMock = serve(async () =>
      Response.json({ kiosk: { idleSeconds: 60, attractSteps: ['paris-talks-1968', 'nope'] } }),
    );
    const config = await loadConfig(STEPS, '?countdown=2&idle=x');
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(fetchMock.mock.calls[0]![0]).toBe('./config.json');
    expect(config.kiosk).toEqual({
      idleSeconds: 60,
      countdownSeconds: 2,
      attractSteps: ['paris-talks-1968'],
      attractSeconds: 12,
    });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining('"nope"'),
      expect.stringContaining('URL parameter idle="x"'),
    ]);
  });

  it('uses the defaults (and the URL) when the fetch fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    const config = await loadConfig(STEPS, '?idle=5');
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      kiosk: { ...DEFAULT_CONFIG.kiosk, idleSeconds: 5 },
    });
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toContain('config.json');
  });

  it('uses the defaults when the server answers with an error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    serve(async () => new Response('not here', { status: 404 }));
    expect(await loadConfig(STEPS, '')).toEqual(DEFAULT_CONFIG);
    expect(String(warn.mock.calls[0]![0])).toContain('404');
  });

  it('uses the defaults when the file is not JSON', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    serve(async () => new Response('{ "kiosk": { idleSeconds: 60 } }'));
    expect(await loadConfig(STEPS, '')).toEqual(DEFAULT_CONFIG);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]![0])).toContain('config.json');
  });

  it('reads location.search by default', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    serve(async () => Response.json({}));
    vi.stubGlobal('location', { search: '?mode=kiosk&attract=4' });
    expect((await loadConfig(STEPS)).kiosk.attractSeconds).toBe(4);
  });
});
