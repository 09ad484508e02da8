/**
 * Runs Debian's nginx over a built site with the generated server block (`nginxConf`), in the
 * foreground, on a loopback port, with its configuration, pid and logs in a temporary folder.
 * Used by the browser tests, `npm run serve` and `npm run bench -- --serve`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { committedNginxOptions, nginxConf } from './headers.ts';

export interface RunningNginx {
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** The main nginx.conf around our server block: nothing outside `prefix` is read or written. */
export function mainConf(prefix: string, serverBlock: string, workers: number): string {
  // As root, nginx would hand requests to `nobody`, who may not read the checkout.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${join(prefix, `${name}-temp`)};`).join('\n');
  return `${user}daemon off;
worker_processes ${workers};
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
${temp}
${serverBlock}
}
`;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Starts nginx; resolves once it accepts connections, rejects with its error log otherwise. */
export async function startNginx(options: { root: string; port: number; workers?: number }): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'bluezone-nginx-'));
  const server = nginxConf({ ...committedNginxOptions, listen: `127.0.0.1:${options.port}`, root: resolve(options.root) });
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, mainConf(prefix, server, options.workers ?? 1));
  // $NGINX_PATH, else Debian's (/usr/sbin is not on every user's PATH), else whatever PATH finds.
  const binary = process.env.NGINX_PATH || (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
  const child = spawn(binary, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
  let exited: string | undefined;
  child.once('error', (error) => (exited = `${error.message} (install Debian's nginx: apt-get install nginx)`));
  child.once('exit', (code, signal) => (exited ??= `nginx exited (${signal ?? code})`));
  const log = () => {
    try {
      return readFileSync(join(prefix, 'error.log'), 'utf8').trim();
    } catch {
      return '';
    }
  };
  for (let attempt = 0; attempt < 100 && !exited; attempt++) {
    if (await portOpen(options.port)) {
      return {
        origin: `http://127.0.0.1:${options.port}`,
        process: child,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            const gone = new Promise((done) => child.once('exit', done));
            child.kill('SIGQUIT');
            await gone;
          }
          rmSync(prefix, { recursive: true, force: true });
        },
      };
    }
    await delay(100);
  }
  child.kill('SIGKILL');
  const reason = `${exited ?? `nginx did not listen on 127.0.0.1:${options.port} within 10 s`}\n${log()}`;
  rmSync(prefix, { recursive: true, force: true });
  throw new Error(reason.trim());
}
