import type { Script } from '../../lib/match/types';
import type { CardTrigger, HighlightStyle } from '../../lib/settings/types';

export const SCRIPT_LABELS: Record<Script, { label: string; sample: string }> = {
  hans: { label: 'Simplified Chinese', sample: '人类命运共同体' },
  hant: { label: 'Traditional Chinese', sample: '人類命運共同體' },
  en: { label: 'English', sample: 'community with a shared future' },
};

export const HIGHLIGHT_LABELS: Record<HighlightStyle, string> = {
  'tint-underline': 'Tint and underline',
  underline: 'Underline only',
  tint: 'Tint only',
};

export const TRIGGER_LABELS: Record<CardTrigger, { label: string; hint: string }> = {
  hover: { label: 'Hover', hint: 'The card opens when the pointer rests on a term.' },
  'hover-alt': { label: 'Hover while holding Alt', hint: 'Hovering alone does nothing: handy on pages you read closely.' },
  click: { label: 'Click', hint: 'The card opens when you click a term.' },
};
