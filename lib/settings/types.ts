// The reader's preferences, as stored under one key of `storage.local` and read by the content
// script and the extension's pages.

import type { Category } from '../glossary/types';
import type { Script } from '../match/types';

/** Bumped when the stored shape changes; `parseSettings` reads every older version. */
export const SETTINGS_VERSION = 1;

/**
 * How terms are painted. The content script paints with CSS Custom Highlights, which can tint and
 * decorate text but cannot draw outlines or borders, hence these three.
 */
export const HIGHLIGHT_STYLES = ['tint-underline', 'underline', 'tint'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/** What opens a term's card: hovering it, hovering it while Alt is held, or clicking it. */
export const CARD_TRIGGERS = ['hover', 'hover-alt', 'click'] as const;
export type CardTrigger = (typeof CARD_TRIGGERS)[number];

/** The scripts a form can be written in, in the order the options page lists them. */
export const SCRIPTS: readonly Script[] = ['hans', 'hant', 'en'];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /**
   * Sites the lens does not run on: host names, lowercase, without `www.`. A rule covers the host
   * itself and its subdomains (`example.com` covers `news.example.com`).
   */
  disabledSites: string[];
  /** Which written forms are looked for: simplified, traditional and English. */
  scripts: Record<Script, boolean>;
  /** Which glossary categories are looked for. */
  categories: Record<Category, boolean>;
  highlightStyle: HighlightStyle;
  cardTrigger: CardTrigger;
  /** Record which terms the reader met on which pages (the reading history). */
  readingHistory: boolean;
  /** Store notes and reading history from private (incognito) windows too. */
  privateWindows: boolean;
}

/** More rules than any reader keeps; a cap so a corrupted store cannot grow without bound. */
export const MAX_DISABLED_SITES = 1000;
