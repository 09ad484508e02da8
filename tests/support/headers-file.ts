/** Reads `_headers` the way Netlify and Cloudflare Pages do: every matching rule applies, repeats join. */
export function resolveHeadersFile(file: string, path: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const block of file.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    if (lines.length === 0) continue;
    const [pattern, ...headers] = lines;
    const regex = new RegExp(`^${pattern!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (!regex.test(path)) continue;
    for (const line of headers) {
      const [name, ...value] = line.trim().split(': ');
      result.set(name!, [...(result.get(name!) ?? []), value.join(': ')]);
    }
  }
  return result;
}
