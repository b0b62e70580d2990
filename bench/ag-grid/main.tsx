// The peer: the sessions table in AG Grid Community's Infinite Row Model, same columns, same API,
// same page size (100) and the same 300 ms debounced From filter as Session History.
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AgGridReact } from 'ag-grid-react';
import {
  InfiniteRowModelModule,
  ModuleRegistry,
  type ColDef,
  type GridApi,
  type IDatasource,
} from 'ag-grid-community';
import { toPeerRow, type PeerRow, type WireSession } from '../peer-rows';

ModuleRegistry.registerModules([InfiniteRowModelModule]);

const PAGE_SIZE = 100;
const params = new URLSearchParams(location.search);
const startDate = params.get('start') ?? '';
const endDate = params.get('end') ?? new Date().toISOString().slice(0, 10);

const columnDefs: ColDef<PeerRow>[] = [
  { field: 'start', headerName: 'Start', width: 128 },
  { field: 'direction', headerName: 'Direction', width: 84 },
  { field: 'channel', headerName: 'Channel', width: 76 },
  { field: 'from', headerName: 'From', width: 220 },
  { field: 'to', headerName: 'To', width: 150 },
  { field: 'customer', headerName: 'Customer', width: 140 },
  { field: 'endpoint', headerName: 'Endpoint', width: 130 },
  { field: 'answeredBy', headerName: 'Answered by', width: 130 },
  { field: 'outcome', headerName: 'Outcome', width: 130 },
  { field: 'duration', headerName: 'Duration', width: 72 },
  { field: 'state', headerName: 'State', width: 104 },
];

function datasource(from: string): IDatasource {
  return {
    getRows: ({ startRow, successCallback, failCallback }) => {
      const query = new URLSearchParams({
        searchArchive: 'true',
        startDate,
        endDate,
        page: String(Math.floor(startRow / PAGE_SIZE)),
        countPerPage: String(PAGE_SIZE),
        sortField: 'dateCreated',
        sortOrder: 'Descend',
      });
      if (from) query.set('from', from);
      fetch(`/api/sessions?${query}`, { headers: { accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((page: { items?: WireSession[]; totalCount?: number }) => {
          const rows = (page.items ?? []).map(toPeerRow);
          successCallback(rows, page.totalCount ?? -1);
        })
        .catch(() => failCallback());
    },
  };
}

function App() {
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const api = useRef<GridApi<PeerRow> | null>(null);
  useEffect(() => {
    const t = setTimeout(() => setFrom(text.trim()), 300);
    return () => clearTimeout(t);
  }, [text]);
  const ds = useMemo(() => datasource(from), [from]);
  useEffect(() => api.current?.ensureIndexVisible(0, 'top'), [ds]);
  const onGridReady = useCallback((e: { api: GridApi<PeerRow> }) => {
    api.current = e.api;
  }, []);
  return (
    <div style={{ display: 'flex', height: '100vh', font: '13px system-ui, sans-serif' }}>
      <aside aria-label="Filters" style={{ width: 240, padding: 12, borderRight: '1px solid #ddd' }}>
        <label>
          From
          <input
            type="search"
            aria-label="From"
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ display: 'block', width: '100%' }}
          />
        </label>
      </aside>
      <main style={{ flex: 1, minWidth: 0 }}>
        <AgGridReact<PeerRow>
          columnDefs={columnDefs}
          rowModelType="infinite"
          datasource={ds}
          cacheBlockSize={PAGE_SIZE}
          rowHeight={36}
          headerHeight={36}
          getRowId={(p) => p.data.id}
          onGridReady={onGridReady}
        />
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
