// Worker-thread entry of the sandbox's queries. Plain JavaScript so that any host can start it (tsx,
// vitest, Vite's dev server): it loads the TypeScript through tsx's loader, scoped to this thread.
import { register } from 'tsx/esm/api';

const api = register({ namespace: 'sandbox-query-worker' });
await api.import('./query-worker.ts', import.meta.url);
