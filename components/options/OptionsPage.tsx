import { CATEGORIES, CATEGORY_LABELS } from '../../lib/glossary/types';
import type { Category } from '../../lib/glossary/types';
import { defaultSettings } from '../../lib/settings/defaults';
import { matchesAnything } from '../../lib/settings/filters';
import { CARD_TRIGGERS, HIGHLIGHT_STYLES, SCRIPTS } from '../../lib/settings/types';
import type { Settings } from '../../lib/settings/types';
import { HIGHLIGHT_LABELS, SCRIPT_LABELS, TRIGGER_LABELS } from './labels';
import { PrivacySettings } from './PrivacySettings';
import type { ClearResult } from './PrivacySettings';
import { SiteList } from './SiteList';

export type SaveStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; error: string };

export interface OptionsPageProps {
  /** Null while the stored settings load. */
  settings: Settings | null;
  status: SaveStatus;
  /** Every change is saved at once (there is no Save button). */
  onChange(next: Settings): void;
  /** Forgets the reading history (the background's `encounters/clear`). */
  onClearHistory(): Promise<ClearResult>;
}

function allCategories(settings: Settings, on: boolean): Settings {
  const categories = { ...settings.categories };
  for (const c of CATEGORIES) categories[c] = on;
  return { ...settings, categories };
}

/** The options page: where Tifa Lens runs, what it looks for, how it shows it. Changes save as made. */
export function OptionsPage({ settings, status, onChange, onClearHistory }: OptionsPageProps) {
  return (
    <main class="options">
      <h1>Tifa Lens settings</h1>
      {settings === null ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          <SiteList settings={settings} onChange={onChange} />

          <fieldset>
            <legend>Look for terms written in</legend>
            {SCRIPTS.map((script) => (
              <label class="check" key={script}>
                <input
                  type="checkbox"
                  checked={settings.scripts[script]}
                  onChange={(e) => onChange({ ...settings, scripts: { ...settings.scripts, [script]: e.currentTarget.checked } })}
                />
                {SCRIPT_LABELS[script].label}{' '}
                <span class="sample" lang={script === 'hans' ? 'zh-Hans' : script === 'hant' ? 'zh-Hant' : 'en'}>
                  {SCRIPT_LABELS[script].sample}
                </span>
              </label>
            ))}
          </fieldset>

          <fieldset>
            <legend>Categories</legend>
            <div class="row">
              <button type="button" onClick={() => onChange(allCategories(settings, true))}>
                All
              </button>
              <button type="button" onClick={() => onChange(allCategories(settings, false))}>
                None
              </button>
            </div>
            <div class="category-grid">
              {CATEGORIES.map((c: Category) => (
                <label class="check" key={c}>
                  <input
                    type="checkbox"
                    checked={settings.categories[c]}
                    onChange={(e) => onChange({ ...settings, categories: { ...settings.categories, [c]: e.currentTarget.checked } })}
                  />
                  {CATEGORY_LABELS[c]}
                </label>
              ))}
            </div>
          </fieldset>

          {!matchesAnything(settings) && (
            <p class="warning" role="alert">
              Nothing will be highlighted: choose at least one script and one category.
            </p>
          )}

          <fieldset>
            <legend>Highlight style</legend>
            {HIGHLIGHT_STYLES.map((style) => (
              <label class="check" key={style}>
                <input
                  type="radio"
                  name="highlight-style"
                  value={style}
                  checked={settings.highlightStyle === style}
                  onChange={() => onChange({ ...settings, highlightStyle: style })}
                />
                {HIGHLIGHT_LABELS[style]}{' '}
                <span class={`swatch swatch-${style}`} lang="zh" aria-hidden="true">
                  一带一路
                </span>
              </label>
            ))}
            <p class="hint">
              On very long pages (over 200 matches) highlights are tinted, not underlined: underlines make the browser re-measure such pages whenever the
              highlights near the viewport change.
            </p>
          </fieldset>

          <fieldset>
            <legend>Open a term’s card on</legend>
            {CARD_TRIGGERS.map((trigger) => (
              <div class="choice" key={trigger}>
                <label class="check">
                  <input
                    type="radio"
                    name="card-trigger"
                    value={trigger}
                    checked={settings.cardTrigger === trigger}
                    aria-describedby={`trigger-${trigger}-hint`}
                    onChange={() => onChange({ ...settings, cardTrigger: trigger })}
                  />
                  {TRIGGER_LABELS[trigger].label}
                </label>
                <p class="hint" id={`trigger-${trigger}-hint`}>
                  {TRIGGER_LABELS[trigger].hint}
                </p>
              </div>
            ))}
          </fieldset>

          <PrivacySettings settings={settings} onChange={onChange} onClearHistory={onClearHistory} />

          <div class="row">
            <button type="button" onClick={() => onChange({ ...defaultSettings(), disabledSites: settings.disabledSites })}>
              Restore the defaults
            </button>
            <span class="hint">Your list of sites is kept.</span>
          </div>
        </>
      )}
      <p class={`save-status${status.kind === 'error' ? ' error' : ''}`} role="status">
        {status.kind === 'saved' ? 'Saved.' : status.kind === 'error' ? `Not saved: ${status.error}` : ''}
      </p>
    </main>
  );
}
