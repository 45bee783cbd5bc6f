import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = resolve(ROOT, process.env.TIFA_OUT_DIR ?? '.output', 'chrome-mv3');
/** The real news pages the user shared; read-only. */
export const SHARED_PAGES = join(ROOT, '../shared/pages');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_HINT = 'Chromium not found: apt-get install -y chromium fonts-wqy-microhei';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}
