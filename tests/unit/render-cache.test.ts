import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedRender, cachedText, isRendered, renderAhead, renderKey } from '../../src/lib/images/render-cache.ts';

describe('render cache', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'render-cache-'));
    process.env.RENDER_CACHE_DIR = dir;
  });
  afterAll(() => {
    delete process.env.RENDER_CACHE_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws once per distinct input and returns the same bytes from the cache', async () => {
    let draws = 0;
    const draw = (text: string) => async () => {
      draws += 1;
      return new TextEncoder().encode(`png of ${text}`);
    };
    const first = await cachedRender('test-png', { title: 'Cà Mau', asOf: '2020-09-07' }, draw('Cà Mau'));
    const again = await cachedRender('test-png', { title: 'Cà Mau', asOf: '2020-09-07' }, draw('Cà Mau'));
    expect(new TextDecoder().decode(again)).toBe(new TextDecoder().decode(first));
    expect(draws).toBe(1);
    // One new snapshot changes the input: drawn again, the old entry left as it was.
    await cachedRender('test-png', { title: 'Cà Mau', asOf: '2020-09-08' }, draw('Cà Mau 8/9'));
    expect(draws).toBe(2);
    expect(readdirSync(dir).filter((file) => !file.endsWith('.tmp'))).toHaveLength(2);
  });

  it('keeps kinds apart and caches text renders too', async () => {
    expect(renderKey('chart-svg', [1])).not.toBe(renderKey('og-card', [1]));
    let draws = 0;
    const svg = () => cachedText('test-svg', ['x', 360], async () => `<svg>${++draws}</svg>`);
    expect(await svg()).toBe('<svg>1</svg>');
    expect(await svg()).toBe('<svg>1</svg>');
  });

  it('keys a list of inputs by the content of each part, in order', () => {
    const spec = { id: 'chuoi-ca-mau-dan-so', points: [1, 2, 3] };
    const key = renderKey('chart-png', [spec, 'vi', 360]);
    expect(renderKey('chart-png', [spec, 'vi', 360])).toBe(key);
    // An equal object built anew (the next build's spec) hits the same entry.
    expect(renderKey('chart-png', [{ id: 'chuoi-ca-mau-dan-so', points: [1, 2, 3] }, 'vi', 360])).toBe(key);
    expect(renderKey('chart-png', [{ id: 'chuoi-ca-mau-dan-so', points: [1, 2, 4] }, 'vi', 360])).not.toBe(key);
    expect(renderKey('chart-png', [spec, 'en', 360])).not.toBe(key);
    expect(renderKey('chart-png', ['vi', spec, 360])).not.toBe(key);
    expect(renderKey('x', ['ab', 'c'])).not.toBe(renderKey('x', ['a', 'bc']));
  });

  it('draws ahead into the cache once: a page asking meanwhile waits for that drawing', async () => {
    let draws = 0;
    let finish = () => {};
    const slowDraw = () => {
      draws += 1;
      return new Promise<string>((resolve) => (finish = () => resolve('<svg>Cà Mau</svg>')));
    };
    const ahead = renderAhead('test-ahead', ['ca-mau', 'vi'], slowDraw);
    const asked = cachedText('test-ahead', ['ca-mau', 'vi'], slowDraw);
    await renderAhead('test-ahead', ['ca-mau', 'vi'], slowDraw);
    finish();
    await ahead;
    expect(await asked).toBe('<svg>Cà Mau</svg>');
    expect(draws).toBe(1);
    expect(isRendered('test-ahead', ['ca-mau', 'vi'])).toBe(true);
    // Already there: not drawn again.
    await renderAhead('test-ahead', ['ca-mau', 'vi'], slowDraw);
    expect(draws).toBe(1);
  });
});

