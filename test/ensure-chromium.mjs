// Browser tests use Debian's Chromium (Playwright never downloads a browser here).
// Installs it with apt-get when it is missing and we are root; otherwise says what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

if (process.getuid?.() !== 0) {
  console.error(
    `Browser tests need Chromium at ${CHROMIUM}.\n` +
      'Install it once as root (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y chromium',
  );
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests (about a minute)...');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
