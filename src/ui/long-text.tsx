import { useState } from 'react';
import { formatCount } from '../lib/format';

export interface LongTextProps {
  text: string;
  /** Longer texts show their start and a button to show all; undefined: always in full. */
  collapseOver?: number;
}

/**
 * Text that may be enormous (a 10,000-character value). Collapsed, it shows its start and a button
 * that reveals the rest; the text is never cut without saying so.
 */
export function LongText({ text, collapseOver }: LongTextProps) {
  const [open, setOpen] = useState(false);
  if (collapseOver === undefined || open || text.length <= collapseOver) return <>{text}</>;
  const head = text.slice(0, Math.floor(collapseOver / 2));
  return (
    <>
      {head}…{' '}
      <button type="button" className="btn btn-small long-text-more" onClick={() => setOpen(true)}>
        Show all {formatCount(text.length)} characters
      </button>
    </>
  );
}
