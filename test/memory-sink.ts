// An export sink that keeps what was written in memory, and whether it was closed or aborted.
import type { ExportSink } from '../src/sessions/export/export-sink';

export function memorySink(): ExportSink & { text: () => string; state: string } {
  let text = '';
  const sink = {
    state: 'open',
    text: () => text,
    write: async (chunk: string) => void (text += chunk),
    close: async () => void (sink.state = 'closed'),
    abort: async () => void (sink.state = 'aborted'),
  };
  return sink;
}
