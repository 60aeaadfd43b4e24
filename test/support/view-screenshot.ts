// A screenshot of the whole current view: views scroll inside the app frame, so a full-page
// screenshot alone shows only the window; the window is made as tall as the view for the shot.
import type { Page } from 'playwright-core';
import { screenshotPath } from './browser.ts';

export async function screenshotView(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const height = await page.locator('.view').evaluate((el) => el.scrollHeight);
  await page.setViewportSize({
    width: size.width,
    height: Math.min(4000, Math.max(size.height, height + 40)),
  });
  // Charts redraw at the new size on the next frame.
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        (
          globalThis as unknown as { requestAnimationFrame(f: () => void): void }
        ).requestAnimationFrame(() => resolve(null)),
      ),
  );
  await page.screenshot({ path: screenshotPath(name) });
  await page.setViewportSize(size);
}
