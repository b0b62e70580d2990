// Sign-in end to end, against the real sandbox with SANDBOX_AUTH=1 (the `auth` project's server):
// a filtered link survives the trip through sign-in, sign-out, and an expired cookie mid-session.
import { test, expect, type Page } from '@playwright/test';
import { DEMO_USER } from '../../server/sandbox/auth';

// `+1` travels as %2B1: the filter must come back as a plus sign, not a space.
const FILTERED = '/?range=30d&from=%2B1';

const fromBox = (page: Page) =>
  page.getByRole('complementary', { name: 'Filters' }).getByRole('searchbox', { name: 'From' });

async function signIn(page: Page) {
  await expect(page.getByRole('heading', { name: 'Sign in to Session History' })).toBeVisible();
  await page.getByLabel('Email').fill(DEMO_USER.userName);
  await page.getByLabel('Password').fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a filtered link leads through sign-in back to the same view, and sign-out leads out', async ({
  page,
}) => {
  await page.goto(FILTERED);

  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  const redirect = new URL(page.url()).searchParams.get('redirect');
  expect(redirect).toBe(FILTERED);

  // A wrong password shows the server's message and stays put.
  await page.getByLabel('Email').fill(DEMO_USER.userName);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Invalid UserName or Password');
  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  // The password never reaches the address bar.
  expect(page.url()).not.toContain('not-the-password');

  await signIn(page);
  await expect(page).toHaveURL((url) => url.pathname === '/' && url.searchParams.get('from') === '+1');
  expect(new URL(page.url()).searchParams.get('range')).toBe('30d');
  await expect(fromBox(page)).toHaveValue('+1');
  await expect(page.getByText(DEMO_USER.displayName)).toBeVisible();
  await expect(page.locator('[role="grid"] [role="row"][data-session-id]').first()).toBeVisible();

  // The session cookie is first-party, HttpOnly, scoped to /api; nothing lands in localStorage.
  const cookies = await page.context().cookies();
  const ssId = cookies.find((c) => c.name === 'ss-id');
  expect(ssId).toMatchObject({ path: '/api', httpOnly: true, sameSite: 'Lax' });
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(DEMO_USER.password);
  expect(stored).not.toContain(ssId?.value ?? '(none)');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { name: 'Sign in to Session History' })).toBeVisible();
  expect((await page.context().cookies()).find((c) => c.name === 'ss-id')).toBeUndefined();

  // Signed out means signed out: the app sends the start page to sign-in again.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('an expired cookie mid-session leads to sign-in and back to the view', async ({ page, context }) => {
  await page.goto(FILTERED);
  // The page ahead of the first rows is asked for a moment after them: the cookie expires later.
  const pageAhead = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/sessions' && url.searchParams.get('page') === '1';
  });
  await signIn(page);
  await expect(fromBox(page)).toHaveValue('+1');
  await expect(page.locator('[role="grid"] [role="row"][data-session-id]').first()).toBeVisible();
  expect((await pageAhead).status()).toBe(200);
  // The volume chart and the counts above the table (a scan, for a result this small) work in the
  // background after the first rows: once both are done, no request is in flight, and the next one
  // is the filter's.
  await expect(page.getByRole('group', { name: /^Sessions per / })).toHaveAttribute('aria-busy', 'false', {
    timeout: 30_000,
  });
  await expect(page.getByRole('status').filter({ hasText: /^Scanned / })).toHaveText(
    /^Scanned ([\d,]+) of \1 sessions/,
    { timeout: 30_000 },
  );

  // The cookie expires while the page is open; the next request for sessions answers 401.
  await context.clearCookies();
  await fromBox(page).fill('+15');

  await expect(page).toHaveURL(/\/sign-in\?redirect=/);
  const back = new URL(new URL(page.url()).searchParams.get('redirect') ?? '/', 'http://x');
  expect(back.searchParams.get('from')).toBe('+15');

  await signIn(page);
  await expect(page).toHaveURL((url) => url.pathname === '/' && url.searchParams.get('from') === '+15');
  await expect(fromBox(page)).toHaveValue('+15');
  await expect(page.locator('[role="grid"] [role="row"][data-session-id]').first()).toBeVisible();
});
