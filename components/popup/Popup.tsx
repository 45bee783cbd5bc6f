export interface PopupProps {
  entryCount: number;
  documentCount: number;
  sourceUrl: string;
}

export function Popup({ entryCount, documentCount, sourceUrl }: PopupProps) {
  return (
    <main class="popup">
      <h1>Tifa Lens</h1>
      <p>
        {entryCount} formulations from {documentCount} source documents.
      </p>
      <p>
        <a href={sourceUrl} target="_blank" rel="noreferrer">
          Read the sources
        </a>
      </p>
    </main>
  );
}
