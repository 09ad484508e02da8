import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, Capabilities, type WebDriver } from 'selenium-webdriver';

/**
 * WebKit, iPhone Safari's engine, as Debian packages it: WebKitGTK's MiniBrowser driven through
 * WebKitWebDriver (package webkit2gtk-driver; Playwright's own WebKit cannot be downloaded here),
 * in a virtual X display (package xvfb; WebKitGTK has no headless mode). `.ci/run` installs both.
 * `$WEBKIT_MINIBROWSER` names another MiniBrowser.
 */
function miniBrowser(): string {
  const path = process.env.WEBKIT_MINIBROWSER || globSync('/usr/lib/*/webkit2gtk-4.*/MiniBrowser').sort().at(-1);
  if (!path || !existsSync(path)) throw new Error("WebKitGTK's MiniBrowser not found: install Debian's webkit2gtk-driver and xvfb (.ci/run does), or set WEBKIT_MINIBROWSER");
  return path;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A process that fails to start or ends early rejects, with what it printed on stderr. */
function watch(child: ChildProcess, command: string): Promise<never> {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((_, reject) => {
    child.on('error', (error) => reject(new Error(`${command}: ${error.message} (install Debian's webkit2gtk-driver and xvfb)`)));
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}): ${errors.trim()}`)));
  });
}

/** A virtual X display; resolves to its name (`:1`) once Xvfb is ready (`-displayfd`). */
async function startDisplay(): Promise<[ChildProcess, string]> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = new Promise<string>((resolve) => {
    let printed = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('\n')) resolve(`:${printed.trim()}`);
    });
  });
  return [xvfb, await Promise.race([display, watch(xvfb, 'Xvfb')])];
}

/** WebKitWebDriver on a free port; resolves to its address once it answers (it prints nothing). */
async function startDriver(display: string): Promise<[ChildProcess, string]> {
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: ['ignore', 'ignore', 'pipe'] });
  const address = `http://127.0.0.1:${port}`;
  const answers = async () => {
    for (let tries = 0; tries < 200; tries++) {
      const ready = await fetch(`${address}/status`).then((response) => response.ok, () => false);
      if (ready) return address;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`WebKitWebDriver did not answer at ${address} within 20 s`);
  };
  try {
    return [driver, await Promise.race([answers(), watch(driver, 'WebKitWebDriver')])];
  } catch (error) {
    driver.kill();
    throw error;
  }
}

/** A WebKit browser in a phone-sized window (MiniBrowser's narrowest: 447 px); `stop` ends it, its driver and its display. */
export async function startWebKit(): Promise<{ driver: WebDriver; stop(): Promise<void> }> {
  const binary = miniBrowser();
  const [xvfb, display] = await startDisplay();
  const processes = [xvfb];
  const stopProcesses = () => processes.forEach((child) => child.kill());
  try {
    const [webDriver, address] = await startDriver(display);
    processes.push(webDriver);
    const capabilities = new Capabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } });
    const driver = await new Builder().usingServer(address).withCapabilities(capabilities).build();
    await driver.manage().window().setRect({ width: 390, height: 844 });
    // A script in the page may wait up to 30 s for the worker (support/offline-journey.ts).
    await driver.manage().setTimeouts({ script: 60_000 });
    return {
      driver,
      stop: async () => {
        await driver.quit().catch(() => undefined);
        stopProcesses();
      },
    };
  } catch (error) {
    stopProcesses();
    throw error;
  }
}
