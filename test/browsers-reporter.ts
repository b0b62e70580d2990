// Prints, after the browser tests, which browsers ran them and how many each: Chromium runs every
// spec through Playwright; Firefox tests (test/e2e/firefox.ts) carry a `browser` annotation.
import { execFileSync } from 'node:child_process';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { chromiumLaunchOptions } from './chromium';

function chromiumVersion(): string {
  try {
    return execFileSync(chromiumLaunchOptions.executablePath, ['--version'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString('utf8')
      .trim();
  } catch {
    return `Chromium (${chromiumLaunchOptions.executablePath})`;
  }
}

/** The annotation a test carries when it ran in a browser other than the project's Chromium. */
export const BROWSER_ANNOTATION = 'browser';

export default class BrowsersReporter implements Reporter {
  private readonly ran = new Map<string, { passed: number; failed: number }>();

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'skipped') return;
    const annotation = [...test.annotations, ...result.annotations].find(
      (a) => a.type === BROWSER_ANNOTATION,
    );
    const browser = annotation?.description ?? 'chromium';
    const counts = this.ran.get(browser) ?? { passed: 0, failed: 0 };
    if (result.status === test.expectedStatus) counts.passed++;
    else counts.failed++;
    this.ran.set(browser, counts);
  }

  onEnd(_result: FullResult) {
    if (this.ran.size === 0) return;
    const lines = [...this.ran].map(([browser, { passed, failed }]) => {
      const name = browser === 'chromium' ? chromiumVersion() : browser;
      return `  ${name}: ${passed} passed${failed ? `, ${failed} failed` : ''}`;
    });
    console.log(`\nBrowsers that ran the browser tests:\n${lines.join('\n')}`);
  }

  printsToStdio() {
    return false;
  }
}
