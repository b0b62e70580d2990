import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authQueries, signOut } from './auth-api';
import { signInPath } from './safe-redirect';
import './auth.css';

export interface UserMenuProps {
  /** After signing out; default: a full page load of the sign-in page (drops every cached session). */
  onSignedOut?: () => void;
}

/** Header widget: the signed-in user's name and Sign out. Renders nothing when nobody is signed in. */
export function UserMenu({ onSignedOut }: UserMenuProps) {
  const queryClient = useQueryClient();
  const { data: user } = useQuery(authQueries.me());
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.clear();
      if (onSignedOut) onSignedOut();
      else window.location.assign(signInPath(window.location.pathname + window.location.search));
    },
  });

  if (!user) return null;
  return (
    <div className="user-menu">
      <span className="user-menu-name" title={user.userName}>
        {user.displayName}
      </span>
      <button
        type="button"
        className="user-menu-sign-out"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
        aria-busy={mutation.isPending || undefined}
      >
        {mutation.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {mutation.isError && (
        <span className="user-menu-error" role="alert">
          Sign out failed
        </span>
      )}
    </div>
  );
}
