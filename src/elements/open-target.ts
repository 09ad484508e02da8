/**
 * Opens the collapsed section a link points to (`/chia-se/#qr`): the fragment's element and
 * every `<details>` around it. Without JavaScript the link still lands on the section's summary.
 */
function openTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  let element = id ? document.getElementById(id) : null;
  if (!element) return;
  element.scrollIntoView();
  for (; element; element = element.parentElement) if (element instanceof HTMLDetailsElement) element.open = true;
}

openTarget();
addEventListener('hashchange', openTarget);
