/**
 * The kiosk's memory over a long attract loop (`npm run bench`, which builds first): the museum asks
 * that at least 500 attract steps in Chromium grow the JS heap by less than 10 %. Opens the built
 * kiosk at 1920 × 1080 on a touchscreen with the map flying, lets one full cycle of attract steps
 * warm the caches, then measures the main-thread JS heap after a garbage collection at the start,
 * every 100 steps and after 500 steps, with DOM nodes and event listeners alongside. Writes the
 * figures to test-output/bench/kiosk-memory.json and a report to docs/kiosk-memory.md, then asserts
 * the budget, the step count and that the kiosk stayed in its attract phase throughout.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, release, totalmem, type, version } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { expect, it } from 'vitest';
import { launchChromium } from '../e2e/chromium.ts';
import { serveStatic } from './serve.ts';

/**
 * Seconds per attract step: the shortest config.json allows (kiosk.attractSeconds ≥ 3), and the
 * shortest that is a real attract loop. A flight takes 0.6–1.6 s (src/geo/flight.ts); advance
 * faster and every flight is cut short by the next, the map never settles, and after 30 s the
 * kiosk's watchdog (FROZEN_MS in src/modes/KioskLayer.svelte) reloads the page as stuck.
 */
const ATTRACT_SECONDS = 3;
const STEPS = 500;
const SAMPLE_EVERY = 100;
const BUDGET = { heapGrowth: 0.1 };
const SCREEN = { width: 1920, height: 1080 };
/** Generous: a step is due every ATTRACT_SECONDS; a slow machine may take twice as long or more. */
const CHUNK_TIMEOUT_MS = (SAMPLE_EVERY + 20) * ATTRACT_SECONDS * 3 * 1000;
const TEST_TIMEOUT_MS = 45 * 60_000;

const ROOT = new URL('../../', import.meta.url);
const DIST = fileURLToPath(new URL('dist/', ROOT));
const RESULTS = new URL('test-output/bench/kiosk-memory.json', ROOT);
const REPORT = new URL('docs/kiosk-memory.md', ROOT);
const PATH = `?mode=kiosk&idle=1&countdown=1&attract=${ATTRACT_SECONDS}`;

interface Sample {
  /** Attract steps shown since the start measurement when the sample was taken. */
  steps: number;
  /** Milliseconds since the start measurement. */
  atMs: number;
  /** The least of READINGS readings, each after a collection. */
  heapBytes: number;
  /** How far the largest reading was above it. */
  heapSpreadBytes: number;
  domNodes: number;
  jsEventListeners: number;
  documents: number;
  /** maplibre's workers: their JS heaps after a garbage collection, reported only. */
  workers: { count: number; heapBytes: number };
}

/** What the init script keeps in the page. */
interface KioskBench {
  /** Attract steps shown (a `step` event with a step, in the attract phase). */
  shown: number;
  /** The attract cycle, as first seen: ends when its first step comes round again. */
  cycle: string[];
  cycleDone: boolean;
  /** `shown` when the measurement started; -1 before. */
  measureFrom: number;
  /** During the measurement: step events outside the attract phase or without a step. */
  strayEvents: { stepId: string | null; phase: string | undefined; shown: number }[];
  /** During the measurement: every phase the page entered (the kiosk must stay in 'attract'). */
  phaseChanges: { phase: string | undefined; shown: number }[];
}

type BenchWindow = Window & { __kioskBench: KioskBench };

/** The same measure as storymap.bench.test.ts: main-thread JS heap after a full collection. */
async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * The map allocates with every frame it flies, so readings a moment apart differ by up to a
 * megabyte even after a collection: a sample is the least of several, with their spread.
 */
const READINGS = 5;
async function steadyHeap(cdp: CDPSession): Promise<{ bytes: number; spread: number }> {
  const readings: number[] = [];
  for (let i = 0; i < READINGS; i++) readings.push(await heapUsed(cdp));
  const bytes = Math.min(...readings);
  return { bytes, spread: Math.max(...readings) - bytes };
}

/**
 * Attaches to the page's dedicated workers (maplibre's) through the page's CDP session, so their
 * heaps can be read too. Returns a function that collects garbage in each and sums their heaps.
 */
async function watchWorkers(cdp: CDPSession) {
  const workers = new Set<string>();
  const waiting = new Map<number, (reply: { result?: { usedSize?: number } } | null) => void>();
  let messageId = 0;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
    if (sessionId) workers.delete(sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id?: number; result?: { usedSize?: number } };
    if (reply.id === undefined) return;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const send = (sessionId: string, method: string) =>
    new Promise<{ result?: { usedSize?: number } } | null>((resolve) => {
      const id = ++messageId;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(null);
      }, 10_000);
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params: {} }),
        })
        .catch(() => resolve(null));
    });
  return async () => {
    let heapBytes = 0;
    let count = 0;
    for (const sessionId of [...workers]) {
      await send(sessionId, 'HeapProfiler.collectGarbage');
      const usage = await send(sessionId, 'Runtime.getHeapUsage');
      if (usage?.result?.usedSize === undefined) continue;
      heapBytes += usage.result.usedSize;
      count++;
    }
    return { count, heapBytes };
  };
}

async function sample(
  cdp: CDPSession,
  page: Page,
  workerHeaps: () => Promise<Sample['workers']>,
  startedAt: number,
): Promise<Sample> {
  // The step the sample is of: the readings take a few seconds, while the loop goes on.
  const steps = await page.evaluate(() => {
    const bench = (window as unknown as BenchWindow).__kioskBench;
    return bench.shown - bench.measureFrom;
  });
  const atMs = Date.now() - startedAt;
  const heap = await steadyHeap(cdp);
  const counters = await cdp.send('Memory.getDOMCounters');
  const workers = await workerHeaps();
  return {
    steps,
    atMs,
    heapBytes: heap.bytes,
    heapSpreadBytes: heap.spread,
    domNodes: counters.nodes,
    jsEventListeners: counters.jsEventListeners,
    documents: counters.documents,
    workers,
  };
}

/** Least-squares slope of heap against steps, in bytes per step. */
function slope(samples: Sample[]): number {
  const n = samples.length;
  const mx = samples.reduce((sum, s) => sum + s.steps, 0) / n;
  const my = samples.reduce((sum, s) => sum + s.heapBytes, 0) / n;
  const sxy = samples.reduce((sum, s) => sum + (s.steps - mx) * (s.heapBytes - my), 0);
  const sxx = samples.reduce((sum, s) => sum + (s.steps - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const pct = (ratio: number) => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)} %`;
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

/** A heap snapshot summed by kind: JS objects by constructor, DOM and other native objects by class. */
type Census = Map<string, { count: number; bytes: number }>;

async function census(cdp: CDPSession): Promise<Census> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const { snapshot, nodes, strings } = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const types = snapshot.meta.node_types[0];
  const result: Census = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt!]!] ?? 'unknown';
    // Constructors and classes by name; the engine's own kinds (code, strings, arrays…) as a whole.
    const key = ['object', 'native', 'closure', 'regexp'].includes(type)
      ? `${type === 'native' ? 'native ' : ''}${strings[nodes[i + nameAt!]!] || `(anonymous ${type})`}`.slice(
          0,
          80,
        )
      : type === 'code'
        ? '(compiled code)'
        : `(${type})`;
    const entry = result.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += nodes[i + sizeAt!]!;
    result.set(key, entry);
  }
  return result;
}

/** What changed most between two censuses, by size. */
function censusChanges(start: Census, end: Census, top = 12) {
  const total = (c: Census) => [...c.values()].reduce((sum, { bytes }) => sum + bytes, 0);
  const code = (c: Census) => c.get('(compiled code)')?.bytes ?? 0;
  const changes = [...new Set([...start.keys(), ...end.keys()])]
    .map((kind) => {
      const a = start.get(kind) ?? { count: 0, bytes: 0 };
      const b = end.get(kind) ?? { count: 0, bytes: 0 };
      return {
        kind,
        countStart: a.count,
        countEnd: b.count,
        bytesStart: a.bytes,
        bytesEnd: b.bytes,
      };
    })
    .sort((x, y) => Math.abs(y.bytesEnd - y.bytesStart) - Math.abs(x.bytesEnd - x.bytesStart));
  return {
    totalBytes: { start: total(start), end: total(end) },
    compiledCodeBytes: { start: code(start), end: code(end) },
    top: changes.slice(0, top),
  };
}

async function measure() {
  if (!existsSync(`${DIST}index.html`)) throw new Error('No build in dist/: run `npm run bench`.');
  const server = await serveStatic(DIST);
  const context = await launchChromium({
    viewport: SCREEN,
    hasTouch: true,
    reducedMotion: 'no-preference',
  });
  const pageErrors: string[] = [];
  const warnings: string[] = [];
  try {
    const chromium = context.browser()?.version() ?? 'unknown';
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
      // The kiosk's own warnings (a restart, a data file retried); not the GL driver's chatter.
      else if (message.type() === 'warning' && !message.text().includes('GL Driver Message'))
        warnings.push(message.text());
    });

    // Counts attract steps in the page, from before the kiosk starts its loop.
    await page.addInitScript(() => {
      const bench: KioskBench = {
        shown: 0,
        cycle: [],
        cycleDone: false,
        measureFrom: -1,
        strayEvents: [],
        phaseChanges: [],
      };
      Object.defineProperty(window, '__kioskBench', { value: bench });
      // Run before the document has its root element: look it up when needed.
      const phaseNow = () => document.documentElement?.dataset.kioskPhase;
      const measuring = () => bench.measureFrom >= 0;
      new MutationObserver(() => {
        if (measuring()) bench.phaseChanges.push({ phase: phaseNow(), shown: bench.shown });
      }).observe(document, {
        subtree: true,
        attributes: true,
        attributeFilter: ['data-kiosk-phase'],
      });
      let api: Window['storymap'] | undefined;
      Object.defineProperty(window, 'storymap', {
        configurable: true,
        get: () => api,
        set: (value: Window['storymap']) => {
          api = value;
          value.on('step', ({ stepId }) => {
            const phase = phaseNow();
            if (phase === 'attract' && stepId !== null) {
              bench.shown++;
              if (!bench.cycleDone) {
                if (stepId === bench.cycle[0]) {
                  // The cycle's first step again: the measurement starts from here.
                  bench.cycleDone = true;
                  bench.measureFrom = bench.shown;
                } else bench.cycle.push(stepId);
              }
            } else if (measuring() && bench.strayEvents.length < 100) {
              bench.strayEvents.push({ stepId, phase, shown: bench.shown });
            }
          });
        },
      });
    });

    const response = await page.goto(new URL(PATH, server.url).href, { timeout: 60_000 });
    if (!response?.ok()) throw new Error(`The page did not load: HTTP ${response?.status()}`);
    await page.waitForFunction(() => window.storymap?.state().ready, null, { timeout: 60_000 });

    // A reload (the kiosk's watchdog restarting it) or a crash would lose the count: fail at once.
    // A new document, that is: the address following the attract loop changes only its hash.
    const broken = new Promise<never>((_, reject) => {
      page.on('load', () =>
        reject(new Error(`The kiosk page reloaded (${warnings.join('; ') || 'no warning'})`)),
      );
      page.on('crash', () => reject(new Error('The page crashed')));
    });
    broken.catch(() => {});
    const until = (steps: number | 'cycle', timeout: number) =>
      Promise.race([
        broken,
        page.waitForFunction(
          (wanted) => {
            const bench = (window as unknown as BenchWindow).__kioskBench;
            return wanted === 'cycle'
              ? bench.cycleDone
              : bench.measureFrom >= 0 && bench.shown - bench.measureFrom >= wanted;
          },
          steps,
          // Checked every frame, so each sample is taken just as its step begins.
          { timeout, polling: 'raf' },
        ),
      ]);

    const cdp = await context.newCDPSession(page);
    const workerHeaps = await watchWorkers(cdp);
    const renderer = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    });

    await page.waitForFunction(
      () => document.documentElement.dataset.kioskPhase === 'attract',
      null,
      { timeout: 60_000 },
    );
    // Warm-up: one full cycle of attract steps fills the tile and glyph caches.
    const warmupStarted = Date.now();
    await until('cycle', 60_000 + 20 * ATTRACT_SECONDS * 1000);
    const warmupMs = Date.now() - warmupStarted;
    const cycle = await page.evaluate(() => (window as unknown as BenchWindow).__kioskBench.cycle);

    const startedAt = Date.now();
    const samples = [await sample(cdp, page, workerHeaps, startedAt)];
    // Heap snapshots, after the start and end samples so as not to disturb them: where it grew.
    const censusAtStart = await census(cdp);
    // The heap differs with the moment of a flight and the step flown to: every sample is taken
    // as the cycle's first step begins, at the first whole cycle from each hundred steps.
    const targets = new Set<number>();
    for (let steps = SAMPLE_EVERY; steps < STEPS + SAMPLE_EVERY; steps += SAMPLE_EVERY)
      targets.add(Math.ceil(Math.min(steps, STEPS) / cycle.length) * cycle.length);
    for (const steps of targets) {
      await until(steps, CHUNK_TIMEOUT_MS);
      samples.push(await sample(cdp, page, workerHeaps, startedAt));
    }
    const durationMs = Date.now() - startedAt;
    const snapshots = censusChanges(censusAtStart, await census(cdp));
    const log = await page.evaluate(() => {
      const { strayEvents, phaseChanges, shown, measureFrom } = (window as unknown as BenchWindow)
        .__kioskBench;
      return {
        strayEvents,
        phaseChanges,
        steps: shown - measureFrom,
        phase: document.documentElement.dataset.kioskPhase,
      };
    });

    const start = samples[0]!;
    const end = samples.at(-1)!;
    const growth = (end.heapBytes - start.heapBytes) / start.heapBytes;
    const cpu = cpus();
    return {
      date: new Date()
        .toISOString()
        .replace(/:\d\d\.\d+Z$/, ' UTC')
        .replace('T', ' '),
      machine: {
        node: process.version,
        cpu: cpu[0]?.model.trim() ?? 'unknown',
        cpus: cpu.length,
        memoryGB: Math.round(totalmem() / 1024 ** 3),
        os: `${type()} ${release()} (${version()})`,
        chromium,
        renderer,
      },
      settings: {
        url: PATH,
        viewport: SCREEN,
        hasTouch: true,
        reducedMotion: 'no-preference',
        attractSeconds: ATTRACT_SECONDS,
        steps: STEPS,
        sampleEvery: SAMPLE_EVERY,
      },
      budget: BUDGET,
      warmup: { steps: cycle.length, cycle, durationMs: warmupMs },
      stepsShown: log.steps,
      durationMs,
      msPerStep: durationMs / Math.max(1, log.steps),
      heap: {
        startBytes: start.heapBytes,
        endBytes: end.heapBytes,
        growth,
        bytesPerStep: slope(samples),
      },
      snapshots,
      domNodes: { start: start.domNodes, end: end.domNodes },
      jsEventListeners: { start: start.jsEventListeners, end: end.jsEventListeners },
      phaseAtEnd: log.phase,
      phaseChanges: log.phaseChanges,
      strayStepEvents: log.strayEvents,
      samples,
      pageErrors,
      warnings,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

it(
  `keeps the kiosk's JS heap within ${BUDGET.heapGrowth * 100} % over ${STEPS} attract steps`,
  async () => {
    const result = await measure();
    await mkdir(new URL('.', RESULTS), { recursive: true });
    await writeFile(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    const { machine, heap, samples } = result;
    const stayed = result.phaseChanges.length === 0 && result.strayStepEvents.length === 0;
    const table = [
      '| Measure | Result | Budget | |',
      '| --- | --- | --- | --- |',
      `| JS heap at the start (after the warm-up) | ${mb(heap.startBytes)} | – | reported |`,
      `| JS heap after ${result.stepsShown} steps | ${mb(heap.endBytes)} | – | reported |`,
      `| Heap growth | ${pct(heap.growth)} | < ${BUDGET.heapGrowth * 100} % | ${heap.growth < BUDGET.heapGrowth ? 'pass' : '**fail**'} |`,
      `| Trend over all samples (least squares) | ${(heap.bytesPerStep / 1024).toFixed(2)} KB a step | – | reported |`,
      `| Attract steps shown after the start | ${result.stepsShown} | ≥ ${STEPS} | ${result.stepsShown >= STEPS ? 'pass' : '**fail**'} |`,
      `| Phase throughout | ${stayed ? "'attract', no other step events" : `changed: ${JSON.stringify(result.phaseChanges)}`} | 'attract' | ${stayed ? 'pass' : '**fail**'} |`,
      `| DOM nodes, start → end | ${result.domNodes.start} → ${result.domNodes.end} | – | reported |`,
      `| JS event listeners, start → end | ${result.jsEventListeners.start} → ${result.jsEventListeners.end} | – | reported |`,
      `| Duration of the ${result.stepsShown} steps | ${minutes(result.durationMs)} (${(result.msPerStep / 1000).toFixed(2)} s a step) | – | reported |`,
      `| Warm-up (one cycle, not measured) | ${result.warmup.steps} steps in ${(result.warmup.durationMs / 1000).toFixed(0)} s | – | reported |`,
    ].join('\n');
    const sampleTable = [
      '| Steps | Time | JS heap | vs start | Spread of readings | DOM nodes | JS listeners | Workers’ heap |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...samples.map(
        (s) =>
          `| ${s.steps} | ${minutes(s.atMs)} | ${mb(s.heapBytes)} | ${pct((s.heapBytes - heap.startBytes) / heap.startBytes)} | ${mb(s.heapSpreadBytes)} | ${s.domNodes} | ${s.jsEventListeners} | ${mb(s.workers.heapBytes)} (${s.workers.count}) |`,
      ),
    ].join('\n');
    const snapshotTable = [
      '| Kind | Count, start → end | Size, start → end | Change |',
      '| --- | --- | --- | --- |',
      ...result.snapshots.top.map(
        (c) =>
          `| \`${c.kind.replace(/\|/g, '\\|')}\` | ${c.countStart} → ${c.countEnd} | ` +
          `${(c.bytesStart / 1024).toFixed(1)} KB → ${(c.bytesEnd / 1024).toFixed(1)} KB | ` +
          `${c.bytesEnd >= c.bytesStart ? '+' : ''}${((c.bytesEnd - c.bytesStart) / 1024).toFixed(1)} KB |`,
      ),
    ].join('\n');
    const report = [
      '# Kiosk memory over a long attract loop',
      '',
      `The museum’s requirement: the attract loop runs for at least ${STEPS} steps in Chromium and ` +
        `the JS heap grows by less than ${BUDGET.heapGrowth * 100} % from start to end. ` +
        '`tests/bench/kiosk-memory.bench.test.ts` checks it and fails when it does not hold.',
      '',
      `- Date: ${result.date}`,
      `- Machine: ${machine.cpus} × ${machine.cpu}; ${machine.memoryGB} GB memory; ${machine.os}; ` +
        `Node.js ${machine.node}`,
      `- Browser: Chromium ${machine.chromium} (headless), WebGL by ${machine.renderer} ` +
        '(software GL: no GPU)',
      `- Page: \`/${PATH}\` at ${SCREEN.width} × ${SCREEN.height} with a touchscreen, the map ` +
        `flying between steps (no reduced motion), a step every ${ATTRACT_SECONDS} s`,
      '',
      `The test serves \`dist/\` on 127.0.0.1, waits for the map and the attract phase, and lets ` +
        `one full cycle of the ${result.warmup.steps} attract steps pass as a warm-up (the map’s ` +
        'tile and glyph caches fill then, as in any kiosk’s first minute). It then forces a ' +
        'garbage collection and reads the page’s main-thread JavaScript heap (Chrome DevTools ' +
        'Protocol `HeapProfiler.collectGarbage`, then `Runtime.getHeapUsage`, as in ' +
        `[the benchmarks](benchmarks.md)); the map allocates with every frame it flies, so ` +
        `readings a moment apart differ by up to a megabyte, and each sample is the least of ` +
        `${READINGS} readings (their spread is in the table). It does so again about every ` +
        `${SAMPLE_EVERY} steps until at least ${STEPS} steps have been shown: a leak grows from ` +
        'sample to sample, a cache that has filled stays flat. The heap differs with the moment ' +
        'of a flight and the step flown to, so every sample is taken as the same step (the ' +
        'cycle’s first) begins, at the first whole cycle from each hundred steps; hence step ' +
        'counts such as 104 and 504. DOM nodes and JS event listeners are ' +
        '`Memory.getDOMCounters` after the same collection. maplibre’s workers have heaps of ' +
        'their own, reported beside it but not in the budget. Steps are counted in the page from ' +
        "`window.storymap.on('step')`.",
      '',
      `${ATTRACT_SECONDS} s a step is the shortest \`kiosk.attractSeconds\` that config.json ` +
        'allows, and the shortest real loop: a flight takes 0.6–1.6 s, and a loop that advances ' +
        'before the map settles never settles, so after 30 s the kiosk reloads itself as stuck.',
      '',
      table,
      '',
      `## Every ${SAMPLE_EVERY} steps`,
      '',
      sampleTable,
      '',
      '## Where the heap changed',
      '',
      'Heap snapshots (`HeapProfiler.takeHeapSnapshot`) just after the start and the end samples, ' +
        'summed by kind: JavaScript objects by constructor (the names are minified), browser ' +
        'objects by class, the engine’s own kinds in brackets. A snapshot counts more than ' +
        '`usedSize` (browser objects too), so its totals differ from the heap above. ' +
        `In all: ${mb(result.snapshots.totalBytes.start)} → ${mb(result.snapshots.totalBytes.end)}, ` +
        `of which compiled code ${mb(result.snapshots.compiledCodeBytes.start)} → ` +
        `${mb(result.snapshots.compiledCodeBytes.end)}. Compiled code grows while the engine ` +
        'optimises more of the map’s code, over the first few hundred steps, then levels off; ' +
        '`native Performance…`, `native LayoutShift` and their `DOMRectReadOnly` are the ' +
        'browser’s performance timeline, which keeps a bounded number of recent entries. A leak ' +
        'in the story would show as JavaScript objects, DOM nodes or listeners growing with the ' +
        'steps.',
      '',
      snapshotTable,
      '',
      ...(result.pageErrors.length + result.warnings.length > 0
        ? [
            '## Console',
            '',
            ...[...new Set([...result.pageErrors, ...result.warnings])].map(
              (text) => `- ${text.replace(/\s+/g, ' ').slice(0, 300)}`,
            ),
            '',
          ]
        : []),
      '## How to rerun',
      '',
      '`npm run bench` runs it with the other benchmarks (it builds first); on its own, ' +
        '`npx vite build && npx vitest run --project bench tests/bench/kiosk-memory.bench.test.ts`. ' +
        `It takes about ${Math.ceil((result.durationMs + result.warmup.durationMs) / 60_000) + 1} ` +
        'minutes here. The figures, with every sample, are written to ' +
        '`test-output/bench/kiosk-memory.json` and this page is rewritten.',
      '',
    ].join('\n');
    // Written as Prettier would, so `npm test`'s format check passes after a benchmark.
    const reportPath = fileURLToPath(REPORT);
    const prettierOptions = { ...(await resolveConfig(reportPath)), filepath: reportPath };
    await writeFile(REPORT, await format(report, prettierOptions));
    console.log(`\n${await format(`${table}\n\n${sampleTable}`, prettierOptions)}`);

    expect(result.stepsShown).toBeGreaterThanOrEqual(STEPS);
    expect(result.phaseAtEnd).toBe('attract');
    expect(result.phaseChanges).toEqual([]);
    expect(result.strayStepEvents).toEqual([]);
    expect(heap.growth).toBeLessThan(BUDGET.heapGrowth);
  },
  TEST_TIMEOUT_MS,
);
