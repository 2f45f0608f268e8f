import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium on Linux CI; elsewhere the browser from `npx playwright install chromium`. */
export function chromiumLaunchOptions(): LaunchOptions {
  const systemChromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return {
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    // Without the background-networking flags Chromium keeps trying to reach Google's servers.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  };
}
