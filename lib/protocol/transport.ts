// How a frame or an extension page reaches the background (`browser.runtime.sendMessage`): apart
// from client.ts, so that the loader every page runs can send with it without the full client.

export type Transport = (message: unknown) => Promise<unknown>;
