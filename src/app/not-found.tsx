// The page for an address that leads nowhere: rare, so its code loads only when it is needed.
export function NotFound() {
  return (
    <main className="page-message">
      <h1>Page not found</h1>
      <p>This address does not lead anywhere in Session History.</p>
      {/* A plain link: the router's would tie this chunk to the router's code. */}
      <a href="/">Go to sessions</a>
    </main>
  );
}
