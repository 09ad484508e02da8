import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Builder, Capabilities } from 'selenium-webdriver';
import { serveDist } from './lib/serve-dist.ts';

const driverProc = spawn('WebKitWebDriver', ['--port=4444'], { stdio: 'inherit', env: { ...process.env, DISPLAY: ':99' } });
await new Promise((r) => setTimeout(r, 1000));
const caps = new Capabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } });
const driver = await new Builder().usingServer('http://127.0.0.1:4444').withCapabilities(caps).build();
const server = await serveDist('dist');
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
try {
  await driver.get(`${origin}/huong-dan/`);
  console.log(await driver.getTitle());
  const state = await driver.executeAsyncScript(`const done = arguments[arguments.length-1]; navigator.serviceWorker ? navigator.serviceWorker.ready.then(r => done(r.active && r.active.state)) : done('no sw: ' + isSecureContext)`);
  console.log('sw', state);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await driver.get(`${origin}/huong-dan/android/`);
  console.log(await driver.getTitle(), await driver.executeScript('return document.querySelector(".saved-copy") && getComputedStyle(document.querySelector(".saved-copy")).display'));
} finally {
  await driver.quit();
  driverProc.kill();
}
