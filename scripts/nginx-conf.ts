/**
 * nginx-conf: writes deploy/nginx.conf from src/deploy/headers.ts (the same definition as
 * dist/_headers). Run it after changing the headers or src/routing/redirects.ts; a unit test fails
 * while the committed file is stale.
 *
 *   npm run nginx-conf [-- --root /var/www/bluezone --listen 80 --out deploy/nginx.conf]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { committedNginxOptions, nginxConf } from '../src/deploy/headers.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: committedNginxOptions.root },
    listen: { type: 'string', default: committedNginxOptions.listen },
    out: { type: 'string', default: 'deploy/nginx.conf' },
  },
});
writeFileSync(values.out, nginxConf({ ...committedNginxOptions, root: values.root, listen: values.listen }));
console.log(`nginx-conf: wrote ${values.out} (root ${values.root}, listen ${values.listen})`);
