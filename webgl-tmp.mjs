import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('PAGE', m.type(), m.text()));
page.on('worker', (w) => w.on('console', (m) => console.log('WORKER', m.type(), m.text())));
await page.goto('http://127.0.0.1:4173/');
const r = await page.evaluate(async () => {
  const c = document.createElement('canvas');
  const gl = c.getContext('webgl2');
  const oc = new OffscreenCanvas(1, 1).getContext('webgl2');
  return { gl: !!gl, off: !!oc, r: gl && gl.getParameter(gl.VERSION) };
});
console.log(r);
await browser.close();
