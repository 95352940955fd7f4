/**
 * Offers a revealed file as a download. The Blob is application/octet-stream and the
 * anchor has a `download` name, so the browser saves it and never renders
 * sender-controlled content on our origin.
 */
export function saveFile(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started by then; the bytes stay in the page's memory for another click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
