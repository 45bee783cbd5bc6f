import { describe, expect, it } from 'vitest';
import { commandMessage, COMMANDS, manifestCommands } from '../../../background/commands';
import { validateTabRequest } from '../../../lib/protocol/tab-messages';

describe('keyboard commands', () => {
  it('send the active tab a message its content script accepts', () => {
    for (const name of Object.keys(COMMANDS)) {
      const message = commandMessage(name);
      expect(message).not.toBeNull();
      expect(validateTabRequest(message)).toEqual({ ok: true, value: message });
    }
    expect(commandMessage('add-note')).toEqual({ type: 'lens/compose-note' });
    expect(commandMessage('toString')).toBeNull();
    expect(commandMessage('no-such-command')).toBeNull();
  });

  it('are declared in the manifest with distinct shortcuts, within Chrome’s four', () => {
    const declared = manifestCommands();
    expect(Object.keys(declared)).toEqual(Object.keys(COMMANDS));
    const keys = Object.values(declared).map((c) => c.suggested_key.default);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThanOrEqual(4);
    for (const key of keys) expect(key).toMatch(/^(Alt|Ctrl)\+Shift\+[A-Z]$/u);
  });
});
