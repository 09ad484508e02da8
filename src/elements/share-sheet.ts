/**
 * `<share-sheet data-url data-title>`: reveals its (initially hidden) button where the browser
 * offers the phone's own share sheet (Web Share API), and opens it with the page's title and
 * address. Elsewhere, or without JavaScript, the button stays hidden: the link, its copy button
 * and the QR code beside it do the same job.
 */
class ShareSheet extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const data = { title: this.dataset['title'] ?? document.title, url: this.dataset['url'] ?? location.href };
    if (!button || typeof navigator.share !== 'function' || (navigator.canShare && !navigator.canShare(data))) return;
    button.hidden = false;
    button.addEventListener('click', () => {
      // A reader who closes the sheet rejects the promise (AbortError): nothing to report.
      navigator.share(data).catch(() => undefined);
    });
  }
}

if (!customElements.get('share-sheet')) customElements.define('share-sheet', ShareSheet);
