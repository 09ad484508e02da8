import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { distDir } from './support/site.ts';

/*
 * The built files themselves, not pages in a browser: every HTML file passes html-validate
 * (standard rules) and the W3C Nu HTML Checker (npm vnu-jar, run with the system's Java), and
 * every feed and sitemap parses as XML.
 */

const files = readdirSync(distDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name));
const htmlFiles = files.filter((file) => file.endsWith('.html'));
const xmlFiles = files.filter((file) => file.endsWith('.xml'));

// One pass (desktop) is enough: the files do not depend on the viewport.
test.describe('valid output', { tag: '@desktop' }, () => {
  test('every HTML file passes html-validate (standard rules)', async () => {
    expect(htmlFiles.length).toBeGreaterThan(100);
    const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:standard'] }));
    const errors: string[] = [];
    for (const file of htmlFiles) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) errors.push(`${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  test('every HTML file passes the Nu HTML Checker', () => {
    test.setTimeout(180_000);
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const result = spawnSync('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', distDir], { encoding: 'utf8', timeout: 170_000 });
    expect(result.error, 'java runs (Debian: apt-get install default-jre-headless)').toBeUndefined();
    const { messages } = JSON.parse(result.stderr) as { messages: { type: string; url: string; lastLine?: number; message: string }[] };
    expect(messages.filter((m) => m.type === 'error').map((m) => `${m.url}:${m.lastLine} ${m.message}`)).toEqual([]);
  });

  test('every feed and sitemap parses as XML', async ({ page }) => {
    expect(xmlFiles.length).toBeGreaterThanOrEqual(4);
    const broken: string[] = [];
    for (const file of xmlFiles) {
      const error = await page.evaluate((xml) => new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')?.textContent ?? null, readFileSync(file, 'utf8'));
      if (error) broken.push(`${file}: ${error}`);
    }
    expect(broken).toEqual([]);
  });
});
