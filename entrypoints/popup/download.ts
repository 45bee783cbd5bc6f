// Saves a file through a Blob URL and a `download` link: local to the page, no network. The
// Blob is built from the file's parts, so a large backup never becomes one string.

export function downloadParts(filename: string, mimeType: string, parts: string[]): void {
  const blob = new Blob(parts, { type: `${mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by the time this runs.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
