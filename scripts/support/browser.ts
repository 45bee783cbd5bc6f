import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, ConsoleMessage, Worker } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR } from './paths';

export interface PlainBrowser {
  context: BrowserContext;
  profileDir: string;
  /** Closes the browser; the profile is kept when `keepProfile` (to relaunch on it). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface ExtensionBrowser extends PlainBrowser {
  extensionId: string;
  worker: Worker;
  /** Errors the extension reported (its pages, its worker, its content script). */
  extensionErrors: string[];
  extensionUrl(path: string): string;
}

export interface LaunchOptions {
  /** Launch on an existing profile (to test what survives a restart). */
  profileDir?: string;
  extensionDir?: string;
  /** Let pages load from the network (the scan command's URLs); tests never do. */
  allowNetwork?: boolean;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=en-US',
];

/** The test server's addresses: 127.0.0.1, and localhost for a second site on the same server. */
function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'chrome-extension:' || protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
}

async function launch(profileDir: string | undefined, args: string[], allowNetwork = false): Promise<PlainBrowser> {
  const dir = profileDir ?? mkdtempSync(join(tmpdir(), 'tifa-lens-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...args, ...ARGS],
    viewport: { width: 1280, height: 900 },
  });
  if (!allowNetwork) {
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
  }
  return {
    context,
    profileDir: dir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, no extension: the control run for "the page is unchanged". */
export function launchPlainBrowser(options: LaunchOptions = {}): Promise<PlainBrowser> {
  return launch(options.profileDir, [], options.allowNetwork);
}

/** Debian's Chromium, headless, with the built extension; every request off 127.0.0.1 (or localhost) is blocked. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ext = options.extensionDir ?? EXTENSION_DIR;
  const plain = await launch(options.profileDir, [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`], options.allowNetwork);
  const { context } = plain;

  const extensionErrors: string[] = [];
  const watchConsole = (message: ConsoleMessage): void => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    if (where.startsWith('chrome-extension://')) extensionErrors.push(`${where}: ${message.text()}`);
  };
  context.on('console', watchConsole);
  context.on('weberror', (error) => {
    const stack = error.error().stack ?? '';
    if (stack.includes('chrome-extension://')) extensionErrors.push(error.error().message);
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  worker.on('console', watchConsole);
  return {
    ...plain,
    extensionId,
    worker,
    extensionErrors,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//u, '')}`,
  };
}
