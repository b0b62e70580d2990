// Where an export's text goes, page by page, so that memory stays bounded however large it is:
// straight into the file where the browser can (the File System Access API, Chromium), otherwise
// into a Blob made of one part per page (parts live outside the JS heap; no giant string is built)
// that is downloaded at the end.
import { downloadBlob } from '../../ui/download-blob';

export interface ExportSink {
  write(chunk: string): Promise<void>;
  /** The file is complete. */
  close(): Promise<void>;
  /** Nothing (or a partial file) is left behind. */
  abort(): Promise<void>;
}

/** The part of `FileSystemWritableFileStream` a sink uses. */
export interface WritableFile {
  write(data: string): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

interface SaveFilePickerOptions {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}
type ShowSaveFilePicker = (
  options: SaveFilePickerOptions,
) => Promise<{ createWritable(): Promise<WritableFile> }>;

export function streamSink(file: WritableFile): ExportSink {
  return {
    write: (chunk) => file.write(chunk),
    close: () => file.close(),
    // abort() discards what was written: the file keeps its old content (or is not created).
    abort: () => file.abort().catch(() => {}),
  };
}

export function blobSink(
  fileName: string,
  type: string,
  download: (blob: Blob, fileName: string) => void = downloadBlob,
): ExportSink {
  let parts: Blob[] = [];
  return {
    write: async (chunk) => {
      parts.push(new Blob([chunk]));
    },
    close: async () => {
      download(new Blob(parts, { type }), fileName);
      parts = [];
    },
    abort: async () => {
      parts = [];
    },
  };
}

/**
 * Opens the sink for a file: asks where to save it where the browser lets a page write a file as
 * it goes (must run in the click's own task: the picker needs the user's gesture), or falls back to
 * the download. Undefined when the user closed the picker.
 */
export async function openExportSink(
  fileName: string,
  type: { mime: string; extension: string; label: string },
): Promise<ExportSink | undefined> {
  const picker = (window as unknown as { showSaveFilePicker?: ShowSaveFilePicker }).showSaveFilePicker;
  if (typeof picker !== 'function') return blobSink(fileName, type.mime);
  try {
    const handle = await picker.call(window, {
      suggestedName: fileName,
      types: [{ description: type.label, accept: { [type.mime.split(';')[0]!]: [`.${type.extension}`] } }],
    });
    return streamSink(await handle.createWritable());
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return undefined;
    // A picker that fails otherwise (a blocked page, an unsupported type): the download still works.
    return blobSink(fileName, type.mime);
  }
}
