// First: page 0 of the view is requested before the rest of the app is evaluated.
import './app/head-start';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createAppQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { sendToSignIn } from './app/sign-in-redirect';
import './app/theme.css';

const queryClient = createAppQueryClient(() => sendToSignIn(router));
const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
