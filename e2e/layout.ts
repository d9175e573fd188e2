import { expect, type Page } from '@playwright/test';

/**
 * Checks that nothing on the page is cut off: the page itself never scrolls sideways, no
 * element sticks out past the right edge of the window or of the card (Paper) it is in unless
 * it sits in a container that scrolls (a wide table in its own scroll area is fine), and no
 * text is clipped — ellipsis or a
 * hidden overflow — unless it is marked as allowed to be (`data-may-truncate`, with the full
 * text in `title`) or is a cell of a data table.
 */
export async function expectNothingCutOff(page: Page, label: string): Promise<void> {
  expect(await cutOffContent(page), `cut-off content on ${label}`).toEqual([]);
}

/** What is cut off, for a walk that reports every screen (`expect.soft`). */
export function cutOffContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (element: Element) => {
      const id = element.getAttribute('data-testid');
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      return `${element.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''} “${text}”`;
    };
    const hiddenForScreenReaders = new Map<Element, boolean>();
    /** inside a visually hidden box (the "sr-only" pattern: 1 px, clipped), read only by screen readers */
    const isVisuallyHidden = (element: Element | null): boolean => {
      if (!element || element === document.body) return false;
      if (!hiddenForScreenReaders.has(element)) {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const isClipped = style.clip === 'rect(0px, 0px, 0px, 0px)' || (style.overflow === 'hidden' && box.width <= 1 && box.height <= 1);
        hiddenForScreenReaders.set(element, isClipped || isVisuallyHidden(element.parentElement));
      }
      return hiddenForScreenReaders.get(element)!;
    };
    const isShown = (element: Element) => element.checkVisibility({ visibilityProperty: true, opacityProperty: false }) && element.getBoundingClientRect().width > 0 && !isVisuallyHidden(element);
    const isAllowed = (element: Element) => element.closest('[data-may-truncate], .MuiDataGrid-cell, [aria-hidden="true"]') !== null;
    // A scroll area on purpose (a wide table); a drawer, dialog or menu that scrolls does so
    // vertically: content wider than it is cut off, not scrolled.
    const WINDOWS = '.MuiDrawer-paper, .MuiDialog-paper, .MuiPopover-paper, .MuiMenu-paper';
    const scrollsSideways = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        // A canvas (React Flow) pans: what lies outside its view is reached by panning or "fit view".
        if (parent.matches('.react-flow__renderer')) return true;
        const overflowX = getComputedStyle(parent).overflowX;
        if ((overflowX === 'auto' || overflowX === 'scroll') && !parent.matches(WINDOWS)) return true;
      }
      return false;
    };
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    for (const element of document.body.querySelectorAll('*')) {
      if (!isShown(element) || isAllowed(element)) continue;
      const box = element.getBoundingClientRect();
      if (box.right > width + 1 && !scrollsSideways(element) && getComputedStyle(element).position !== 'fixed') found.push(`sticks out ${Math.round(box.right - width)}px past the window: ${describe(element)}`);
      const card = element.parentElement?.closest('.MuiPaper-root');
      if (card && box.right > card.getBoundingClientRect().right + 1 && !scrollsSideways(element)) {
        found.push(`sticks out ${Math.round(box.right - card.getBoundingClientRect().right)}px past its card: ${describe(element)}`);
      }
      const style = getComputedStyle(element);
      const hasOwnText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!hasOwnText) continue;
      const isClipped = element.scrollWidth > element.clientWidth + 1 && (style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip');
      if (isClipped) found.push(`text cut off (${element.scrollWidth}px of text in ${element.clientWidth}px): ${describe(element)}`);
    }
    return [...new Set(found)];
  });
}
