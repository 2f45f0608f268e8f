// The e2e fixture: every test gets the built renderer in real Chromium, bridged to the real main
// services over its own vault folder, and fails if the page tried to reach the network.
import { test as base, expect } from '@playwright/test';
import { attachApp, type AppHarness } from './attach';

export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use, testInfo) => {
    const app = await attachApp(page);
    await use({
      ...app,
      async screenshot(name) {
        await app.screenshot(name);
        const path = testInfo.outputPath(`${name}.png`);
        await page.screenshot({ path });
        await testInfo.attach(name, { path, contentType: 'image/png' });
      },
    });
    expect(app.externalRequests, 'the app must not make network requests').toEqual([]);
    await app.dispose();
  },
});

export { expect };
