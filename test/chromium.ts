// Debian's Chromium, as every browser run here launches it (Playwright never downloads a browser):
// the flags keep it off the closed network and out of the sandbox it cannot have as root.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
