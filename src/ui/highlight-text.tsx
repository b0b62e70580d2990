import { memo } from 'react';

/** A match in a text: [start, end) in UTF-16 code units. */
export interface TextRange {
  start: number;
  end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** A case-insensitive matcher for `query` (plain text, not a pattern), or undefined when empty. */
export function textMatcher(query: string): RegExp | undefined {
  const q = query.trim();
  return q ? new RegExp(escapeRegExp(q), 'giu') : undefined;
}

/** Every non-overlapping match of `matcher` in `text`. */
export function findRanges(text: string, matcher: RegExp | undefined): TextRange[] {
  if (!matcher) return [];
  const out: TextRange[] = [];
  matcher.lastIndex = 0;
  for (let m = matcher.exec(text); m; m = matcher.exec(text)) {
    if (m[0].length === 0) {
      matcher.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export interface HighlightedTextProps {
  text: string;
  ranges: readonly TextRange[];
  /** Index into `ranges` of the current match, drawn stronger. */
  current?: number;
  markClassName?: string;
}

/** Text with its ranges wrapped in <mark>. Splits into text nodes; never parses the text as HTML. */
export const HighlightedText = memo(function HighlightedText({
  text,
  ranges,
  current = -1,
  markClassName = 'hit',
}: HighlightedTextProps) {
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach((r, i) => {
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(
      <mark
        key={i}
        className={i === current ? `${markClassName} ${markClassName}-current` : markClassName}
        aria-current={i === current ? 'true' : undefined}
      >
        {text.slice(r.start, r.end)}
      </mark>,
    );
    at = r.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
});
