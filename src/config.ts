/**
 * Runtime settings shared by the modes: `config.json` next to the page (static/config.json),
 * overridden by URL parameters. A museum edits the file without rebuilding, so every bad value
 * falls back to a safe one with a console warning instead of stopping the story.
 */

export interface StoryConfig {
  kiosk: {
    /** Seconds without input before the "are you still reading?" countdown. */
    idleSeconds: number;
    /** Length of that countdown, in seconds. */
    countdownSeconds: number;
    /** Step ids the attract loop cycles through; empty means every step with highlighted features. */
    attractSteps: string[];
    /** Seconds each attract step stays on screen. */
    attractSeconds: number;
  };
  embed: {
    /**
     * Origins (`https://host[:port]`, no path) of pages allowed to steer an embedded story, and the
     * only ones it posts to; null (nothing configured, or []) = any host. A list the museum gave
     * whose entries are all invalid is kept empty: no host, rather than every host.
     */
    allowedOrigins: string[] | null;
  };
}

export const DEFAULT_CONFIG: StoryConfig = {
  kiosk: { idleSeconds: 90, countdownSeconds: 20, attractSteps: [], attractSeconds: 12 },
  embed: { allowedOrigins: null },
};

type SecondsField = 'idleSeconds' | 'countdownSeconds' | 'attractSeconds';

/** Allowed ranges in config.json. The museum brief asks for a countdown of at least 20 s. */
const FILE_RANGES: Record<SecondsField, [number, number]> = {
  idleSeconds: [5, 3600],
  countdownSeconds: [20, 600],
  attractSeconds: [3, 600],
};

/** URL parameters accept times down to 1 s so tests need not wait. */
const URL_PARAMETERS: Record<string, SecondsField> = {
  idle: 'idleSeconds',
  countdown: 'countdownSeconds',
  attract: 'attractSeconds',
};

const KNOWN_KEYS = {
  top: ['$comment', 'kiosk', 'embed'],
  kiosk: ['$comment', 'idleSeconds', 'countdownSeconds', 'attractSteps', 'attractSeconds'],
  embed: ['$comment', 'allowedOrigins'],
};

const show = (value: unknown): string =>
  value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The origin a MessageEvent reports for `text`, or null when `text` is not a bare http(s) origin. */
export function parseOrigin(text: string): string | null {
  // The raw text must be scheme://host[:port] with at most a trailing slash: no path, query,
  // fragment or credentials, which `new URL` would otherwise quietly accept.
  if (!/^https?:\/\/[^/?#@\s]+\/?$/i.test(text)) return null;
  try {
    return new URL(text).origin;
  } catch {
    return null;
  }
}

/**
 * Merges config.json (already parsed, `json`) over the defaults, then the URL's `idle`,
 * `countdown` and `attract` parameters (seconds) over that. Never throws: each bad value is
 * replaced by the default and described in `warnings`.
 */
export function parseConfig(
  json: unknown,
  search: string,
  knownSteps: string[],
): { config: StoryConfig; warnings: string[] } {
  const warnings: string[] = [];
  const config: StoryConfig = {
    kiosk: { ...DEFAULT_CONFIG.kiosk, attractSteps: [...DEFAULT_CONFIG.kiosk.attractSteps] },
    embed: { allowedOrigins: null },
  };

  const root = sectionOf(json, 'config.json', warnings) ?? {};
  warnUnknownKeys(root, KNOWN_KEYS.top, 'config.json', warnings);
  const kiosk = 'kiosk' in root ? sectionOf(root.kiosk, 'kiosk', warnings) : undefined;
  const embed = 'embed' in root ? sectionOf(root.embed, 'embed', warnings) : undefined;

  if (kiosk) {
    warnUnknownKeys(kiosk, KNOWN_KEYS.kiosk, 'kiosk', warnings);
    for (const field of Object.keys(FILE_RANGES) as SecondsField[]) {
      if (!(field in kiosk)) continue;
      const [min, max] = FILE_RANGES[field];
      const seconds = secondsWithin(kiosk[field], min, max);
      if (seconds === null) {
        warnings.push(
          `config.json: kiosk.${field} is ${show(kiosk[field])}; it must be a number of seconds ` +
            `from ${min} to ${max}. Using the default, ${config.kiosk[field]}.`,
        );
      } else config.kiosk[field] = seconds;
    }
    if ('attractSteps' in kiosk) {
      config.kiosk.attractSteps = attractSteps(kiosk.attractSteps, knownSteps, warnings);
    }
  }

  if (embed) {
    warnUnknownKeys(embed, KNOWN_KEYS.embed, 'embed', warnings);
    if ('allowedOrigins' in embed) {
      config.embed.allowedOrigins = allowedOrigins(embed.allowedOrigins, warnings);
    }
  }

  const parameters = new URLSearchParams(search);
  for (const [name, field] of Object.entries(URL_PARAMETERS)) {
    const value = parameters.get(name);
    if (value === null) continue;
    const max = FILE_RANGES[field][1];
    const seconds = value.trim() === '' ? null : secondsWithin(Number(value), 1, max);
    if (seconds === null) {
      warnings.push(
        `URL parameter ${name}=${show(value)}: it must be a number of seconds from 1 to ${max}. ` +
          `Keeping kiosk.${field} = ${config.kiosk[field]}.`,
      );
    } else config.kiosk[field] = seconds;
  }

  return { config, warnings };
}

/** The object at `value`, or undefined (with a warning) when it is anything else. */
function sectionOf(
  value: unknown,
  name: string,
  warnings: string[],
): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  const what = name === 'config.json' ? 'config.json' : `config.json: ${name}`;
  warnings.push(`${what} is ${show(value)}; it must be an object {...}. Using the defaults.`);
  return undefined;
}

function warnUnknownKeys(
  section: Record<string, unknown>,
  known: string[],
  name: string,
  warnings: string[],
): void {
  const unknown = Object.keys(section).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const where = name === 'config.json' ? 'config.json' : `config.json: ${name}`;
  const allowed = known.filter((key) => key !== '$comment').join(', ');
  warnings.push(`${where} has unknown keys ${show(unknown)}, ignored (known: ${allowed}).`);
}

function secondsWithin(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max
    ? value
    : null;
}

function attractSteps(value: unknown, knownSteps: string[], warnings: string[]): string[] {
  if (!Array.isArray(value)) {
    warnings.push(
      `config.json: kiosk.attractSteps is ${show(value)}; it must be a list of step ids ` +
        `(the "## step: <id>" headings), or [] for every step with highlighted features. Using [].`,
    );
    return [];
  }
  const kept = value.filter(
    (id): id is string => typeof id === 'string' && knownSteps.includes(id),
  );
  const dropped = value.filter((id) => !kept.includes(id));
  if (dropped.length > 0) {
    warnings.push(
      `config.json: kiosk.attractSteps has unknown or invalid step ids ${dropped.map(show).join(', ')}, ` +
        `left out; it must list ids from the "## step: <id>" headings of the story.`,
    );
  }
  return kept;
}

function allowedOrigins(value: unknown, warnings: string[]): string[] | null {
  const closed = 'The embed takes no commands from any page and posts to none until it is fixed.';
  if (!Array.isArray(value)) {
    warnings.push(
      `config.json: embed.allowedOrigins is ${show(value)}; it must be a list of origins ` +
        `like "https://canvas.example.edu". ${closed}`,
    );
    return [];
  }
  if (value.length === 0) return null;
  const origins: string[] = [];
  const dropped: unknown[] = [];
  for (const item of value) {
    const origin = typeof item === 'string' ? parseOrigin(item) : null;
    if (origin === null) dropped.push(item);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  if (dropped.length > 0) {
    warnings.push(
      `config.json: embed.allowedOrigins has invalid entries ${dropped.map(show).join(', ')}, ` +
        `left out; each must be an origin like "https://canvas.example.edu" (scheme, host, ` +
        `optional port; no path).${origins.length === 0 ? ` ${closed}` : ''}`,
    );
  }
  return origins;
}

/**
 * Reads ./config.json and the URL. A missing or broken file is not fatal: the story runs on the
 * defaults (plus the URL's overrides) and says why in the console.
 */
export async function loadConfig(
  knownSteps: string[],
  search = location.search,
): Promise<StoryConfig> {
  let json: unknown = {};
  try {
    // A wedged local server must not keep the kiosk from starting.
    const response = await fetch('./config.json', {
      cache: 'no-cache',
      signal: AbortSignal.timeout(5000),
    });
    if (response.ok) json = await response.json();
    else console.warn(`config.json: HTTP ${response.status}; using the defaults.`);
  } catch (error) {
    console.warn('config.json could not be read; using the defaults.', error);
  }
  const { config, warnings } = parseConfig(json, search, knownSteps);
  for (const warning of warnings) console.warn(warning);
  return config;
}
