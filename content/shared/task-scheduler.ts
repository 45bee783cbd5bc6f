/** How long one slice of work may run before it hands the main thread back (ms). */
export const SLICE_MS = 6;

interface PostTaskScheduler {
  yield(): Promise<void>;
}

function nativeYield(): (() => Promise<void>) | null {
  const candidate: unknown = Reflect.get(globalThis, 'scheduler');
  if (typeof candidate !== 'object' || candidate === null) return null;
  const fn: unknown = Reflect.get(candidate, 'yield');
  if (typeof fn !== 'function') return null;
  const scheduler = candidate as PostTaskScheduler;
  return () => scheduler.yield();
}

/** A macrotask without setTimeout's 4 ms clamp once timers nest. */
function messageChannelYield(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Lets the page handle input and render before the next slice: `scheduler.yield()` where the
 * browser has it (the continuation keeps its priority), else a MessageChannel task, else a timer.
 */
export function yieldToMain(): Promise<void> {
  const native = nativeYield();
  if (native) return native();
  if (typeof MessageChannel === 'function') return messageChannelYield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A time budget for one slice of work. */
export class Slice {
  readonly start: number;
  private readonly deadline: number;

  constructor(budgetMs = SLICE_MS, now: () => number = () => performance.now()) {
    this.now = now;
    this.start = now();
    this.deadline = this.start + budgetMs;
  }

  private readonly now: () => number;

  expired(): boolean {
    return this.now() >= this.deadline;
  }

  elapsed(): number {
    return this.now() - this.start;
  }
}

/** Runs `callback` on the next animation frame, or after a task where frames don't come (hidden tabs). */
export function nextFrame(callback: () => void): void {
  const visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
  if (visible && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 0);
}
