import { existsSync } from 'node:fs';

/**
 * Renders a self-contained HTML page to an A4 PDF with the system's chromium (the print plan,
 * the contest certificate). JavaScript is off and the browser cannot resolve any host, so
 * nothing in the page reaches the network. When chromium is missing or will not start, the
 * caller's own error is thrown (each feature names what still works without it).
 */
export async function htmlToPdf(
  html: string,
  options: { chromiumPath: string; landscape?: boolean; unavailable: () => Error },
): Promise<Buffer> {
  const { chromiumPath, unavailable } = options;
  if (!existsSync(chromiumPath)) throw unavailable();
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ],
    });
  } catch {
    throw unavailable();
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? false,
      printBackground: true,
      preferCSSPageSize: true,
    });
  } finally {
    await browser.close();
  }
}
