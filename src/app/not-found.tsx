import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <main className="page-message">
      <h1>Page not found</h1>
      <p>This address does not lead anywhere in Session History.</p>
      <Link to="/">Go to sessions</Link>
    </main>
  );
}

/** Last line of defence: a bug shows a message and a way back, never a blank page. */
export function AppError({ error }: { error: unknown }) {
  return (
    <main className="page-message" role="alert">
      <h1>Something went wrong</h1>
      <p>Session History hit an unexpected problem showing this page.</p>
      <pre className="error-detail">{error instanceof Error ? error.message : String(error)}</pre>
      <p>
        <a href="/">Start again from the sessions list</a> or reload the page.
      </p>
    </main>
  );
}
