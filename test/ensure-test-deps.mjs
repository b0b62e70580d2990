// What the tests need from Debian beyond npm: Chromium and Firefox ESR for the browser tests
// (Playwright never downloads a browser here; puppeteer-core drives Firefox), nginx for the test of docs/nginx.conf, poppler's pdftotext to read the
// printed PDF. Installs what is missing with apt-get when we are root; otherwise says what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const needs = [
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
  { binary: '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
  { binary: '/usr/sbin/nginx', pkg: 'nginx' },
  { binary: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
];
const missing = needs.filter((n) => !existsSync(n.binary)).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

// The lock timeout makes apt wait for another apt (an unattended upgrade, a parallel job) instead of failing.
const apt = 'apt-get -o DPkg::Lock::Timeout=300';
const command = `${apt} update -qq && DEBIAN_FRONTEND=noninteractive ${apt} install -y -qq ${missing.join(' ')}`;
if (process.getuid?.() !== 0) {
  console.error(
    `The tests need ${missing.join(', ')} (Debian packages). Install them once as root:\n  sudo ${command.replace('&& ', '&& sudo ')}`,
  );
  process.exit(1);
}
console.log(`Installing ${missing.join(', ')} for the tests (about a minute)...`);
execSync(command, { stdio: 'inherit' });
const stillMissing = needs.filter((n) => !existsSync(n.binary));
if (stillMissing.length > 0) {
  console.error(`Installed, but still missing: ${stillMissing.map((n) => n.binary).join(', ')}`);
  process.exit(1);
}
