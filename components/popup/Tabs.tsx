import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  panel: ComponentChildren;
}

export interface TabsProps<Id extends string> {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect(id: Id): void;
}

/**
 * WAI-ARIA tabs: one tab stop for the tab list (roving tabindex), arrow keys, Home and End move
 * between tabs and select them. Every panel stays mounted (hidden when not selected) so a search
 * typed in one survives a visit to another.
 */
export function Tabs<Id extends string>({ label, tabs, selected, onSelect }: TabsProps<Id>) {
  const buttons = useRef(new Map<Id, HTMLButtonElement>());

  function move(from: number, key: string): void {
    const last = tabs.length - 1;
    const to =
      key === 'ArrowRight'
        ? from === last
          ? 0
          : from + 1
        : key === 'ArrowLeft'
          ? from === 0
            ? last
            : from - 1
          : key === 'Home'
            ? 0
            : key === 'End'
              ? last
              : -1;
    const tab = tabs[to];
    if (!tab) return;
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  }

  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tablist">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            class="tab"
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            ref={(el) => {
              if (el) buttons.current.set(tab.id, el);
              else buttons.current.delete(tab.id);
            }}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => {
              if (['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(event.key)) {
                event.preventDefault();
                move(i, event.key);
              }
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`panel-${tab.id}`} class="tabpanel" aria-labelledby={`tab-${tab.id}`} hidden={tab.id !== selected} tabIndex={0}>
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
