import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyButton } from './copy-button';

afterEach(() => vi.restoreAllMocks());

describe('CopyButton', () => {
  it('copies the value and confirms it visibly and to screen readers', async () => {
    const user = userEvent.setup();
    render(<CopyButton value="CA123" label="Call SID" />);
    await user.click(screen.getByRole('button', { name: 'Copy Call SID' }));
    expect(await navigator.clipboard.readText()).toBe('CA123');
    expect(screen.getByRole('button', { name: 'Copy Call SID' })).toHaveTextContent('Copied');
    expect(screen.getByRole('status')).toHaveTextContent('Copied Call SID');
  });

  it('reads a function value at click time', async () => {
    const user = userEvent.setup();
    let url = 'first';
    render(<CopyButton value={() => url} label="link" />);
    url = 'second';
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe('second');
  });

  it('offers the text to copy by hand when the browser allows no copying', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('denied', 'NotAllowedError'),
    );
    // jsdom has no execCommand: the legacy path fails too.
    render(<CopyButton value="sess-42" label="Session id" />);
    await user.click(screen.getByRole('button', { name: 'Copy Session id' }));
    const field = await screen.findByRole('textbox', { name: /Session id: copying is blocked/ });
    expect(field).toHaveValue('sess-42');
    expect(field).toHaveFocus();
    expect((field as HTMLInputElement).selectionStart).toBe(0);
    expect((field as HTMLInputElement).selectionEnd).toBe('sess-42'.length);
    expect(screen.getByText(/Press Ctrl\+C/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy Session id' })).not.toHaveTextContent('Copied');
  });
});
