/**
 * Each page's browser title is its main heading ("Today — Steve", "Amara Fictional — Steve"), so
 * a tab, the history list and a screen reader's page announcement say where the user is, and
 * no page can forget to set one. It follows the heading as it loads or changes.
 */
import { useEffect } from 'react';

export const APP_NAME = 'Steve';

export function titleFor(heading: string | null | undefined): string {
  const h = (heading ?? '').replace(/\s+/g, ' ').trim();
  return h ? `${h} — ${APP_NAME}` : APP_NAME;
}

/** Keeps document.title in step with the first <h1> inside the element with this id. */
export function useTitleFromHeading(containerId: string, location: string): void {
  useEffect(() => {
    const container = document.getElementById(containerId);
    if (!container) return;
    const update = () => {
      const next = titleFor(container.querySelector('h1')?.textContent);
      if (document.title !== next) document.title = next;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [containerId, location]);
}
