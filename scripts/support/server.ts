import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page served by the test server: its bytes and the charset its HTTP header declares. */
export interface ServedPage {
  body: string | Buffer;
  charset?: string;
  contentType?: string;
}

export interface PageServer {
  origin: string;
  url(path: string): string;
  /** Adds or replaces a route while the server runs. */
  set(path: string, page: ServedPage): void;
  close(): Promise<void>;
}

/** Serves pages from memory on 127.0.0.1 with an explicit charset header, as real sites do. */
export async function startServer(routes: Record<string, ServedPage> = {}): Promise<PageServer> {
  const table = new Map(Object.entries(routes));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const page = table.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const type = page.contentType ?? 'text/html';
    res.writeHead(200, { 'content-type': `${type}; charset=${page.charset ?? 'utf-8'}`, 'cache-control': 'no-store' });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + path,
    set: (path, page) => void table.set(path, page),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
