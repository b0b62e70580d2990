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
