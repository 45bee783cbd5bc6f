import { afterEach, describe, expect, it, vi } from 'vitest';
import { Slice, yieldToMain } from '../../../../content/shared/task-scheduler';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('yieldToMain', () => {
  it('uses scheduler.yield where the browser has it', async () => {
    const native = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: native });
    await yieldToMain();
    expect(native).toHaveBeenCalledOnce();
  });

  it('otherwise lets tasks queued before it run first (a macrotask, not a microtask)', async () => {
    vi.stubGlobal('scheduler', undefined);
    const order: string[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      order.push('earlier task');
      channel.port1.close();
    };
    channel.port2.postMessage(null);
    queueMicrotask(() => order.push('microtask'));
    await yieldToMain();
    order.push('after yield');
    expect(order).toEqual(['microtask', 'earlier task', 'after yield']);
  });

  it('falls back to a timer without MessageChannel', async () => {
    vi.stubGlobal('scheduler', undefined);
    vi.stubGlobal('MessageChannel', undefined);
    let fired = false;
    setTimeout(() => {
      fired = true;
    }, 0);
    await yieldToMain();
    expect(fired).toBe(true);
  });
});

describe('Slice', () => {
  it('expires once its budget is spent', () => {
    let now = 100;
    const slice = new Slice(5, () => now);
    expect(slice.expired()).toBe(false);
    now = 104.9;
    expect(slice.expired()).toBe(false);
    now = 105;
    expect(slice.expired()).toBe(true);
    expect(slice.elapsed()).toBe(5);
  });
});
