// Public pages on a phone and on a desktop: the front page, a municipality's page and the 404 page.
// Each is checked with axe, for its language and direction, for horizontal scrolling at 375 px, and
// for a skip link that is the first thing Tab reaches. The no-JS context covers the phone visitor
// without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { registryTest, useHarness } from './harness.js';

const h = useHarness({ seed: true });

interface PublicPage {
  name: string;
  /** Only these layouts (default: all). */
  only?: (layout: { width: number; js: boolean }) => boolean;
  path: string;
  status: number;
  /** The h1 in Danish (the default for a da-DK browser). */
  heading: RegExp;
}

const pages: PublicPage[] = [
  { name: 'front page', path: '/', status: 200, heading: /Kommuner og borgere/ },
  { name: 'municipality page', path: '/m/hedensted', status: 200, heading: /Hedensted/ },
  { name: 'unknown path', path: '/findes-ikke', status: 404, heading: /^Siden blev ikke fundet$/ },
  // The module's own 404 (same error page as the app's): one layout is enough.
  { name: 'unknown municipality', path: '/m/findes-ikke', status: 404, heading: /^Siden blev ikke fundet$/, only: (l) => l.width === 375 && !l.js },
];

const layouts: { width: number; js: boolean }[] = [
  { width: 375, js: true },
  { width: 1280, js: true },
  { width: 375, js: false },
];

async function documentInfo(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    scrollWidth: document.documentElement.scrollWidth,
    h1: [...document.querySelectorAll('h1')].map((e) => (e.textContent ?? '').trim()),
  }));
}

/** Tab from a freshly loaded page: the skip link comes first, shows itself, and Enter lands in main. */
async function checkSkipLink(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return {
      tag: el?.tagName.toLowerCase(),
      href: el?.getAttribute('href'),
      text: (el?.textContent ?? '').trim(),
      visible: Boolean(box && box.width > 1 && box.height > 1 && box.bottom > 0 && box.top < window.innerHeight),
    };
  });
  assert.deepEqual({ tag: first.tag, href: first.href }, { tag: 'a', href: '#main' }, `first Tab stop is the skip link (got ${JSON.stringify(first)})`);
  assert.match(first.text, /Gå til sidens indhold|Skip to main content/);
  assert.ok(first.visible, 'the focused skip link is visible');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#main', undefined, { timeout: 2000 }).catch(() => undefined);
  const after = await page.evaluate(() => ({ hash: location.hash, focused: document.activeElement?.id ?? null }));
  assert.deepEqual(after, { hash: '#main', focused: 'main' }, 'Enter on the skip link moves focus to main');
}

for (const p of pages) {
  for (const layout of layouts.filter(p.only ?? (() => true))) {
    const mode = layout.js ? 'JS on' : 'JS off';
    test(`${p.name} at ${layout.width}px (${mode})`, async (t) => {
      const harness = h();
      const page = await harness.page(t, { js: layout.js, width: layout.width });
      await harness.visit(page, p.path, { status: p.status });
      const info = await documentInfo(page);
      assert.equal(info.lang, 'da');
      assert.equal(info.dir, 'ltr');
      assert.equal(info.h1.length, 1, `one h1 (got ${JSON.stringify(info.h1)})`);
      assert.match(info.h1[0] ?? '', p.heading);
      if (layout.width <= 375) {
        assert.ok(info.scrollWidth <= layout.width, `no horizontal scroll at ${layout.width}px: scrollWidth is ${info.scrollWidth}`);
      }
      await checkSkipLink(page);
      await page.close();
    });
  }
}

test('the 404 page in English, by ?lang=en and then by the remembered choice', async (t) => {
  const harness = h();
  const page = await harness.page(t, { js: false, width: 375 });
  await harness.visit(page, '/findes-ikke?lang=en', { status: 404 });
  let info = await documentInfo(page);
  assert.deepEqual([info.lang, info.dir, info.h1], ['en', 'ltr', ['Page not found']]);
  await harness.visit(page, '/findes-heller-ikke', { status: 404 });
  info = await documentInfo(page);
  assert.deepEqual([info.lang, info.h1], ['en', ['Page not found']], 'the language cookie set by ?lang= is kept');
  // The Danish switch link on the error page leads back to Danish.
  await harness.navigateBy(page, page.getByRole('banner').getByRole('link', { name: 'Dansk' }), { status: 404 });
  info = await documentInfo(page);
  assert.deepEqual([info.lang, info.h1], ['da', ['Siden blev ikke fundet']]);
  await page.close();
});

// The harness must fail loudly on a bad page, in both contexts, or every green result above means nothing.
test('the harness reports axe violations and script errors (JS on and off)', async (t) => {
  const harness = h();
  const bad = '<!DOCTYPE html><html><head><title>Bad</title></head><body><main><img src="/assets/favicon.svg"><a href="/"></a></main></body></html>';
  for (const js of [true, false]) {
    const page = await harness.page(t, { js, width: 375 });
    await page.route(`${harness.baseUrl}/harness-self-test`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: bad }));
    await assert.rejects(harness.visit(page, '/harness-self-test'), (e: Error) => {
      for (const rule of ['html-has-lang', 'image-alt', 'link-name']) assert.match(e.message, new RegExp(`- ${rule} \\[`), `${rule} reported (JS ${js ? 'on' : 'off'})`);
      return true;
    });
    await page.close();
  }
  const page = await harness.page(t, { js: true });
  await page.route(`${harness.baseUrl}/harness-self-test-script`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html lang="da"><head><title>x</title><script>throw new Error("boom")</script></head><body><main><h1>x</h1></main></body></html>' }),
  );
  await assert.rejects(harness.visit(page, '/harness-self-test-script'), /uncaught exception: boom/);
  await page.close();
});

registryTest(h);
