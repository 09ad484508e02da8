/**
 * Environment values the build reads, checked before Astro starts (`astro.config.mjs` calls
 * `checkBuildEnv`), so a bad value ends the build with one line naming it, never a stack trace.
 */

/** A bad environment value; the message is the one line the build prints. */
export class BuildEnvError extends Error {}

/**
 * SOURCE_DATE_EPOCH (reproducible builds): whole seconds since 1970-01-01 UTC, as the
 * reproducible-builds.org specification defines it. Unset or empty = undefined (use the clock).
 */
export function sourceDateEpoch(value: string | undefined = process.env.SOURCE_DATE_EPOCH): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  // The Date range ends at 8.64e15 ms; anything later is not a build date.
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seconds) || seconds * 1000 > 8.64e15) {
    throw new BuildEnvError(`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC (e.g. ${Math.floor(Date.UTC(2021, 5, 19) / 1000)}), got "${value}"`);
  }
  return new Date(seconds * 1000);
}

/** SITE_URL: the absolute http(s) address the portal is published at (default `https://bluezone.example`). */
export function siteUrl(value: string | undefined = process.env.SITE_URL): string {
  if (value === undefined || value === '') return 'https://bluezone.example';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new BuildEnvError(`SITE_URL must be an absolute http(s) address such as https://bluezone.gov.vn, got "${value}"`);
  return value;
}

/**
 * CONTACT_URL: where readers report a problem with the site (accessibility statement), an
 * absolute http(s) or mailto: address the publisher gives. Unset or empty = undefined: the page
 * then tells readers to contact the publishing agency, never an address we made up.
 */
export function contactUrl(value: string | undefined = process.env.CONTACT_URL): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['https:', 'http:', 'mailto:'].includes(url.protocol)) throw new BuildEnvError(`CONTACT_URL must be an absolute http(s) or mailto: address such as https://bluezone.gov.vn/lien-he, got "${value}"`);
  return value;
}

/** Checks every value above; on a bad one prints its line and ends the process with exit 1. */
export function checkBuildEnv(): { site: string } {
  try {
    sourceDateEpoch();
    contactUrl();
    return { site: siteUrl() };
  } catch (error) {
    if (!(error instanceof BuildEnvError)) throw error;
    console.error(`build: ${error.message}`);
    process.exit(1);
  }
}
