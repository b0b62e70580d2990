// The "Saved views" section of the filter panel: save the current link under a name, open a saved
// view with one click (a real link: it can open in a new tab), rename, delete, and share the set as
// a JSON file. The views are kept in localStorage (saved-views.ts).
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useLocalStorageState } from '../../lib/local-storage-store';
import { useSessionSearch } from '../filters/use-session-search';
import {
  findByName,
  MAX_SAVED_VIEWS,
  MAX_VIEW_NAME,
  readSearch,
  renameView,
  SAVED_VIEWS,
  saveView,
  searchString,
  storedViews,
  type SavedView,
} from './saved-views';
import './saved-views.css';

type Message = { text: string; error?: boolean; undo?: SavedView[] };

export function SavedViewsSection() {
  const headingId = useId();
  const current = searchString(useSessionSearch());
  const [stored, setStored] = useLocalStorageState(SAVED_VIEWS);
  const views = stored.views;
  const setViews = (next: SavedView[]) => setStored(storedViews(next));
  const [naming, setNaming] = useState<string | undefined>();
  const [renaming, setRenaming] = useState<{ index: number; name: string } | undefined>();
  const [message, setMessage] = useState<Message | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);

  const clash = naming !== undefined ? findByName(views, naming.trim()) : undefined;
  const save = (e: FormEvent) => {
    e.preventDefault();
    const name = naming?.replace(/\s+/g, ' ').trim();
    if (!name) return;
    if (!clash && views.length >= MAX_SAVED_VIEWS) {
      setMessage({ text: `At most ${MAX_SAVED_VIEWS} views can be saved: delete one first.`, error: true });
      return;
    }
    setViews(saveView(views, { name, search: current }));
    setNaming(undefined);
    setMessage({ text: clash ? `Replaced “${name}”.` : `Saved “${name}”.` });
  };

  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (!renaming) return;
    const next = renameView(views, renaming.index, renaming.name);
    if (!next) {
      setMessage({ text: 'That name is empty or taken by another view.', error: true });
      return;
    }
    setViews(next);
    setRenaming(undefined);
    setMessage(undefined);
  };

  const remove = (index: number) => {
    setMessage({ text: `Deleted “${views[index]!.name}”.`, undo: views });
    setViews(views.filter((_, j) => j !== index));
  };

  const importFile = async (file: File) => {
    const { importViews } = await import('./saved-views-file');
    const { views: imported, ...result } = await importViews(views, file);
    if (imported) setViews(imported);
    setMessage(result);
  };

  return (
    <section className="saved-views" aria-labelledby={headingId}>
      <h3 id={headingId} className="field-label">
        Saved views
      </h3>
      {views.length === 0 && <p className="filter-hint">Save this view to open it again with one click.</p>}
      {views.length > 0 && (
        <ul className="saved-views-list">
          {views.map((v, i) =>
            renaming?.index === i ? (
              <li key={v.name}>
                <form className="saved-views-form" onSubmit={rename}>
                  <input
                    className="input"
                    aria-label={`New name for ${v.name}`}
                    maxLength={MAX_VIEW_NAME}
                    value={renaming.name}
                    autoFocus
                    onChange={(e) => setRenaming({ index: i, name: e.target.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setRenaming(undefined)}
                  />
                  <button type="submit" className="btn btn-small">
                    Rename
                  </button>
                </form>
              </li>
            ) : (
              <li key={v.name} className="saved-view">
                <Link
                  to="/"
                  search={readSearch(v.search).search}
                  className="saved-view-link"
                  aria-current={v.search === current ? 'page' : undefined}
                >
                  {v.name}
                </Link>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  aria-label={`Rename ${v.name}`}
                  title="Rename"
                  onClick={() => setRenaming({ index: i, name: v.name })}
                >
                  ✎
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  aria-label={`Delete ${v.name}`}
                  title="Delete"
                  onClick={() => remove(i)}
                >
                  ×
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      {naming !== undefined ? (
        <form className="saved-views-form" onSubmit={save}>
          <input
            className="input"
            aria-label="Name of the view"
            placeholder="e.g. Missed calls, sales lines"
            maxLength={MAX_VIEW_NAME}
            value={naming}
            autoFocus
            onChange={(e) => setNaming(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(undefined)}
          />
          <button type="submit" className="btn btn-small btn-primary" disabled={!naming.trim()}>
            {clash ? 'Replace' : 'Save'}
          </button>
          {clash && <p className="filter-hint">Replaces the saved view “{clash.name}”.</p>}
        </form>
      ) : (
        <div className="saved-views-actions">
          <button type="button" className="btn btn-small" onClick={() => setNaming('')}>
            Save view
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={views.length === 0}
            onClick={async () => (await import('./saved-views-file')).downloadViews(views)}
          >
            Export views
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => fileInput.current?.click()}
          >
            Import views…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Saved views file to import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
      )}
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={`saved-views-message${message.error ? ' is-error' : ''}`}
        >
          {message.text}{' '}
          {message.undo && (
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => {
                setViews(message.undo!);
                setMessage(undefined);
              }}
            >
              Undo
            </button>
          )}
        </p>
      )}
    </section>
  );
}
