// The keyboard commands: what the manifest declares (wxt.config.ts reads this table) and the
// message each sends to the top frame of the tab the reader is on. One table, so a shortcut and
// what it does cannot drift apart.

import type { TabRequest } from '../lib/protocol/tab-messages';

export interface Command {
  /** Chrome's suggested shortcut; the reader may change it at chrome://extensions/shortcuts. */
  key: string;
  description: string;
  message: TabRequest;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  'next-term': { key: 'Alt+Shift+N', description: 'Go to the next term on the page', message: { type: 'lens/next-term' } },
  'previous-term': { key: 'Alt+Shift+P', description: 'Go to the previous term on the page', message: { type: 'lens/previous-term' } },
  // The selection button is for the mouse; this is its keyboard way (the context menu's too).
  'add-note': { key: 'Alt+Shift+M', description: 'Write a note on the selected text (or on the page)', message: { type: 'lens/compose-note' } },
};

/** The manifest's `commands`. */
export function manifestCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  return Object.fromEntries(Object.entries(COMMANDS).map(([name, { key, description }]) => [name, { suggested_key: { default: key }, description }]));
}

/** The message of a command, or null for one this build does not know. */
export function commandMessage(name: string): TabRequest | null {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name]!.message : null;
}
