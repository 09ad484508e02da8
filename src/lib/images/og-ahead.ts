import type { OgCard } from './og.ts';

/**
 * The hand-off of Open Graph cards to draw ahead, while the pages are still being made: the base
 * layout knows each page's card as it renders it, long before the card pass reads the built page
 * (src/integrations/og-images.ts), and at 10.000 letters the pages leave a core idle for a minute.
 * The card pass stays the one that decides which cards exist: a card drawn ahead only fills the
 * render cache. The receiver is kept on `globalThis` because Astro bundles this module into its
 * pages while the integration loads it from source; with no build running (`astro dev`, tests)
 * there is none and a card is not drawn ahead.
 */
export type OgCardAhead = Omit<OgCard, 'host'>;

/**
 * What a card's render is cached by, for the card pass and the process drawing ahead alike: a card
 * drawn ahead is only of use if the card pass looks it up by the same input.
 */
export function ogCardCacheInput(card: OgCard): string[] {
  return [card.title, card.siteName, card.host];
}

const RECEIVER = Symbol.for('bluezone.og-cards-ahead');
type Receiver = (card: OgCardAhead) => void;
const registry = globalThis as { [RECEIVER]?: Receiver };

/** Called by the layout with the card a page announces (its `og:title` and `og:site_name`). */
export function drawOgCardAhead(card: OgCardAhead): void {
  registry[RECEIVER]?.(card);
}

/** Set by the card pass at the build's start, cleared when it starts reading the built pages. */
export function receiveOgCardsAhead(receiver: Receiver | undefined): void {
  registry[RECEIVER] = receiver;
}
