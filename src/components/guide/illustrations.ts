import type { ImageMetadata } from 'astro';

/**
 * Guide illustrations by file name (`content/images/guides/<name>.svg`). Content refers to them
 * by name only, so MDX files stay data; an unknown name fails the build and says which.
 */
const files = import.meta.glob<ImageMetadata>('/content/images/guides/*.svg', { eager: true, import: 'default' });

const byName = new Map(Object.entries(files).map(([path, meta]) => [path.replace(/^.*\/|\.svg$/g, ''), meta]));

export function illustration(name: string): ImageMetadata {
  const meta = byName.get(name);
  if (!meta) {
    throw new Error(`Unknown illustration "${name}": add content/images/guides/${name}.svg (known: ${[...byName.keys()].join(', ')})`);
  }
  return meta;
}
