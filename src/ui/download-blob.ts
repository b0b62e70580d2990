/** Saves a Blob as a file through the browser's download (a link clicked, then its URL revoked). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
