import { useId, useState } from 'preact/hooks';
import { addDisabledSite, removeDisabledSite } from '../../lib/settings/sites';
import type { Settings } from '../../lib/settings/types';

export interface SiteListProps {
  settings: Settings;
  onChange(next: Settings): void;
}

/** The sites Tifa Lens stays off on: add by host name or address, remove one by one. */
export function SiteList({ settings, onChange }: SiteListProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(event: Event): void {
    event.preventDefault();
    const result = addDisabledSite(settings, text);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setText('');
    onChange(result.settings);
  }

  return (
    <fieldset>
      <legend>Sites where Tifa Lens stays off</legend>
      <p class="hint">A site includes its subdomains: turning it off on example.com also turns it off on news.example.com.</p>
      {settings.disabledSites.length === 0 ? (
        <p class="muted">None: Tifa Lens runs on every site.</p>
      ) : (
        <ul class="site-list" aria-label="Sites where Tifa Lens is off">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={`Remove ${site}`} onClick={() => onChange(removeDisabledSite(settings, site))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="site-add" onSubmit={add}>
        <label for={`${id}-site`}>Add a site</label>
        <div class="row">
          <input
            id={`${id}-site`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error !== null ? `${id}-error` : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
          />
          <button type="submit">Add</button>
        </div>
        {error !== null && (
          <p class="error" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
      </form>
    </fieldset>
  );
}
