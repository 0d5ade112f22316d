/**
 * A tiny static server for the built site in dist/, for the benchmark and the offline test: gzip
 * like a real host would, no caching between runs, nothing outside the folder. The offline tests
 * also swap files' bytes and add files (a new build, or a half-copied one), count requests, leave
 * some unanswered (a wedged server) and send only Last-Modified dates (a simple host). Only node:
 * modules.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, relative, resolve, sep } from 'node:path';
import { createGzip } from 'node:zlib';

/** Content types by file extension, as a real host sends them. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The types worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg']);

export interface ServeOptions {
  /** Bytes to send instead of a file's, by its path in the folder (`sw.js`, `data/places.geojson`). */
  replace?: Map<string, string | Buffer>;
  /** Told the path in the folder of each file asked for (`index.html` for `/`). */
  onRequest?: (name: string) => void;
  /** Paths asked for that get no answer at all (a wedged server), until it closes. */
  wedged?: Set<string>;
  /**
   * `no-cache` (the default): every answer says `Cache-Control: no-cache`, as docs/deploy.md asks.
   * `last-modified`: as `python3 -m http.server` does, no Cache-Control, only the date the file
   * was last changed, to the second, and 304 to a request that has it already. The built files
   * date from long ago (so a browser may reuse its copies for weeks without asking), files put in
   * `replace` from when the server first sent those bytes.
   */
  caching?: 'no-cache' | 'last-modified';
}

/** When the built files were last changed, for a `last-modified` server: long ago. */
const BUILT = Date.parse('2026-01-01T00:00:00Z');

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Resolves a request path inside `root`, or null when it would leave it or cannot be decoded. */
function fileFor(root: string, rawUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = resolve(root, `.${pathname}`);
  return file.startsWith(root + sep) ? file : null;
}

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip' && coding?.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

export async function serveStatic(
  dir: string,
  { replace, onRequest, wedged, caching = 'no-cache' }: ServeOptions = {},
): Promise<StaticServer> {
  const root = resolve(dir);
  /** When the server first sent each replacing content (by hash), to the second. */
  const firstSent = new Map<string, number>();
  const uploaded = (bytes: string | Buffer) => {
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!firstSent.has(hash)) firstSent.set(hash, Math.floor(Date.now() / 1000) * 1000);
    return firstSent.get(hash)!;
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, text: string) => {
        res.writeHead(status, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'no-cache',
        });
        res.end(text);
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
      const file = fileFor(root, req.url ?? '/');
      if (!file) return send(404, 'Not found');
      const name = relative(root, file).split(sep).join('/');
      onRequest?.(name);
      if (wedged?.has(name)) return;
      const replaced = replace?.get(name);
      const info = replaced === undefined ? await stat(file).catch(() => null) : null;
      if (replaced === undefined && !info?.isFile()) return send(404, 'Not found');
      const ext = extname(file).toLowerCase();
      const gzip =
        replaced === undefined &&
        COMPRESSIBLE.has(ext) &&
        acceptsGzip(req.headers['accept-encoding']);
      const headers: Record<string, string> = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
      };
      if (caching === 'no-cache') headers['Cache-Control'] = 'no-cache';
      else {
        const changed = replaced === undefined ? BUILT : uploaded(replaced);
        headers['Last-Modified'] = new Date(changed).toUTCString();
        if (Date.parse(req.headers['if-modified-since'] ?? '') >= changed) {
          res.writeHead(304, headers);
          return res.end();
        }
      }
      if (COMPRESSIBLE.has(ext)) headers['Vary'] = 'Accept-Encoding';
      if (gzip) headers['Content-Encoding'] = 'gzip';
      else
        headers['Content-Length'] = String(
          replaced === undefined ? info!.size : Buffer.byteLength(replaced),
        );
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      if (replaced !== undefined) return res.end(replaced);
      const body = createReadStream(file);
      body.on('error', () => res.destroy());
      if (gzip) body.pipe(createGzip()).pipe(res);
      else body.pipe(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
