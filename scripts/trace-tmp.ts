import { chromium } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { serveDist } from './serve-dist.ts';
const server = await serveDist('dist');
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const path of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1500);
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents as any[];
  const main = events.filter((e) => e.name === 'RunTask' && e.dur > 30000);
  const totals = new Map<string, number>();
  for (const task of main) {
    const kids = events.filter((e) => e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur && e.dur && e.name !== 'RunTask' && e.ph === 'X');
    const by = new Map<string, number>();
    for (const k of kids) by.set(k.name, (by.get(k.name) ?? 0) + k.dur);
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n}:${Math.round(d / 1000)}`);
    console.log(path, 'task', Math.round(task.dur / 1000), 'ms', top.join(' '));
  }
  await page.close();
}
await browser.close(); server.close();
