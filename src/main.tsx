// First: page 0 of the view is requested (and its first rows drawn) before the rest of the app is
// evaluated.
import './app/head-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createAppQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { sendToSignIn } from './app/sign-in-redirect';
import { handOverFirstRows } from './sessions/table/first-rows';
import './app/theme.css';

const queryClient = createAppQueryClient(() => sendToSignIn(router));
const router = createAppRouter(queryClient);

// The first render shows the route loaded (page 0 of the sessions, at most briefly awaited: see
// router.tsx); index.html's header, and the first rows once page 0 is in, stay on screen meanwhile.
// From then on no rows are drawn without the app, and those drawn are painted before it replaces them.
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
void router.load().then(handOverFirstRows).then(render, render);
