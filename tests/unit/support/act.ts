import { act } from '@testing-library/preact';

/**
 * Does what the reader does inside act, and lets the promises it starts settle (a save answered at
 * once) before act renders: the UI is then as the reader sees it once the answer is in.
 */
export async function actSettled(event: () => void): Promise<void> {
  await act(async () => {
    event();
    await Promise.resolve();
  });
}
