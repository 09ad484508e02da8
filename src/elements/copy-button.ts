/**
 * `<copy-button for="id">`: reveals its (initially hidden) button and copies the value of the
 * `<textarea>`/`<input>` with that id. Without JavaScript the button stays hidden and the code
 * is still there to select by hand. Announces the outcome in its own live region.
 */
class CopyButton extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    const status = this.querySelector<HTMLElement>('[role="status"]');
    const target = document.getElementById(this.getAttribute('for') ?? '');
    if (!button || !(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      let copied = false;
      try {
        await navigator.clipboard.writeText(target.value);
        copied = true;
      } catch {
        // Older browsers, or a page not served over HTTPS: fall back to selecting the text.
        target.select();
        copied = document.execCommand('copy');
      }
      if (status) status.textContent = (copied ? this.dataset['copied'] : this.dataset['failed']) ?? '';
    });
  }
}

if (!customElements.get('copy-button')) customElements.define('copy-button', CopyButton);
