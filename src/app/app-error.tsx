// Last line of defence, loaded with the app: a message that must show even when a chunk cannot load.
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
