import { useEffect, useRef, useState } from 'react';
import { copyText } from './copy-text';
import './copy-button.css';

type CopyState = 'idle' | 'copied' | 'manual';

export interface CopyButtonProps {
  /** The text to copy, or a function read at click time (e.g. the current URL). */
  value: string | (() => string);
  /** What is copied, for the accessible name: "Copy <label>". */
  label: string;
  /** Visible text; defaults to "Copy". */
  children?: React.ReactNode;
  className?: string;
}

/**
 * A button that copies a value and says "Copied" for a moment. When the browser allows no copying
 * (insecure context, permissions), it shows the value selected in a field to copy by hand.
 */
export function CopyButton({
  value,
  label,
  children = 'Copy',
  className = 'btn btn-small',
}: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const [manualText, setManualText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const manualRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    // Focused and selected: Ctrl+C copies it right away.
    if (state === 'manual') {
      manualRef.current?.focus();
      manualRef.current?.select();
    }
  }, [state]);

  const onClick = async () => {
    const text = typeof value === 'function' ? value() : value;
    clearTimeout(timer.current);
    if (await copyText(text)) {
      setState('copied');
      timer.current = setTimeout(() => setState('idle'), 2000);
    } else {
      setManualText(text);
      setState('manual');
    }
  };

  return (
    <span className="copy-button">
      <button type="button" className={className} aria-label={`Copy ${label}`} onClick={onClick}>
        {state === 'copied' ? 'Copied' : children}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? `Copied ${label}` : ''}
      </span>
      {state === 'manual' && (
        <span className="copy-button-manual">
          <input
            ref={manualRef}
            className="input"
            readOnly
            value={manualText}
            aria-label={`${label}: copying is blocked here, select and copy it by hand`}
            onFocus={(e) => e.currentTarget.select()}
            onBlur={() => setState('idle')}
          />
          <span className="copy-button-hint">Press Ctrl+C (⌘C) to copy</span>
        </span>
      )}
    </span>
  );
}
