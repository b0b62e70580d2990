import { useSearch } from '@tanstack/react-router';
import { SignInPage } from '../auth/sign-in-page';

export function SignInRoute() {
  const { redirect } = useSearch({ from: '/sign-in' });
  return <SignInPage redirect={redirect} />;
}
