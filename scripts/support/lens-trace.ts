// Reads the content script's trace (content/shared/trace.ts) over the DevTools protocol: the log
// lives in the extension's isolated world of each frame, where neither the page nor Playwright's
// own `evaluate` reaches. One CDP session per page (and per out-of-process frame) follows the
// execution contexts as frames load and navigate.

import type { CDPSession, Frame, Page } from 'playwright-core';
import { TRACE_GLOBAL } from '../../content/shared/trace';
import type { TraceEntry } from '../../content/shared/trace';

export type { TraceEntry };

interface ContextInfo {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

interface Session {
  cdp: CDPSession;
  contexts: Map<number, ContextInfo>;
}

/** What each candidate context says of itself, with its log. */
interface FrameLog {
  top: boolean;
  href: string;
  entries: TraceEntry[] | null;
}

const sessions = new WeakMap<Page | Frame, Promise<Session>>();

async function openSession(cdp: CDPSession): Promise<Session> {
  const contexts = new Map<number, ContextInfo>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context as ContextInfo));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  // Enabling replays the contexts that exist already.
  await cdp.send('Runtime.enable');
  return { cdp, contexts };
}

function pageOf(target: Page | Frame): Page {
  return 'mainFrame' in target ? target : target.page();
}

/** The session that sees `frame`'s contexts: the page's, or the frame's own when it runs out of process. */
function sessionFor(frame: Frame): Promise<Session> {
  const page = frame.page();
  const key: Page | Frame = frame === page.mainFrame() ? page : frame;
  let found = sessions.get(key);
  if (!found) {
    found = (async () => {
      if (key !== page) {
        // Only an out-of-process frame has a session of its own; the others live in the page's.
        const own = await page
          .context()
          .newCDPSession(frame)
          .catch(() => null);
        if (own) return openSession(own);
        return sessionFor(page.mainFrame());
      }
      return openSession(await page.context().newCDPSession(page));
    })();
    found.catch(() => sessions.delete(key));
    sessions.set(key, found);
  }
  return found;
}

/** The extension's isolated world: Chrome names it after the extension and gives it the extension's origin. */
function isExtensionWorld(c: ContextInfo): boolean {
  return c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://');
}

const READ = `(() => {
  const log = globalThis[${JSON.stringify(TRACE_GLOBAL)}];
  return { top: window === window.top, href: location.href, entries: log ? log.entries.slice() : null };
})()`;

async function readContext(session: Session, id: number): Promise<FrameLog | null> {
  const answer = await session.cdp.send('Runtime.evaluate', { expression: READ, contextId: id, returnByValue: true }).catch(() => null);
  if (!answer || answer.exceptionDetails) return null;
  return answer.result.value as FrameLog;
}

/**
 * The trace of `target` (a page: its top frame) oldest first, or of one name; empty while the
 * content script has not run there. A frame is found by its address.
 */
export async function lensTrace(target: Page | Frame, name?: string): Promise<TraceEntry[]> {
  const page = pageOf(target);
  const frame = target === page ? page.mainFrame() : (target as Frame);
  const session = await sessionFor(frame);
  const isTop = frame === page.mainFrame();
  const worlds = [...session.contexts.values()].filter(isExtensionWorld);
  const logs: Array<{ frameId: string; log: FrameLog }> = [];
  for (const context of worlds) {
    const log = await readContext(session, context.id);
    if (log && (isTop ? log.top : !log.top && log.href === frame.url())) logs.push({ frameId: context.auxData?.frameId ?? '', log });
  }
  let chosen = logs[logs.length - 1];
  if (!isTop && logs.length > 1) {
    // Frames at the same address (two about:blank frames): told apart by their order in the frame tree.
    const order = await frameOrder(session);
    logs.sort((a, b) => order.indexOf(a.frameId) - order.indexOf(b.frameId));
    const twins = page.frames().filter((f) => f !== page.mainFrame() && f.url() === frame.url());
    chosen = logs[twins.indexOf(frame)];
  }
  const entries = chosen?.log.entries ?? [];
  return name === undefined ? entries : entries.filter((e) => e.name === name);
}

interface FrameTree {
  frame: { id: string };
  childFrames?: FrameTree[];
}

/** The session's frame ids, depth first (the order Playwright lists frames in). */
async function frameOrder(session: Session): Promise<string[]> {
  const { frameTree } = (await session.cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
  const out: string[] = [];
  const visit = (node: FrameTree): void => {
    out.push(node.frame.id);
    for (const child of node.childFrames ?? []) visit(child);
  };
  visit(frameTree);
  return out;
}

/**
 * The trace of every frame of the page that runs the content script, one list per frame (the
 * page's own process first, then out-of-process frames); frames need not be told apart.
 */
export async function lensTraceOfAllFrames(page: Page): Promise<TraceEntry[][]> {
  const seen = new Set<Session>();
  const out: TraceEntry[][] = [];
  for (const frame of page.frames()) {
    const session = await sessionFor(frame).catch(() => null);
    if (!session || seen.has(session)) continue;
    seen.add(session);
    for (const context of [...session.contexts.values()].filter(isExtensionWorld)) {
      const log = await readContext(session, context.id);
      if (log?.entries) out.push(log.entries);
    }
  }
  return out;
}

/** Waits until `target`'s trace holds at least `count` entries named `name`; resolves with them. */
export async function waitForTrace(
  target: Page | Frame,
  name: string,
  { timeout = 20_000, count = 1, where }: { timeout?: number; count?: number; where?: (e: TraceEntry) => boolean } = {},
): Promise<TraceEntry[]> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = (await lensTrace(target, name)).filter((e) => !where || where(e));
    if (found.length >= count) return found;
    if (Date.now() > deadline) throw new Error(`waitForTrace: no ${name} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
