import type { Page } from '@playwright/test';

/**
 * Latin-script words a Russian screen may show: the terms Russian CRM marketers write in Latin
 * (the course textbook does: RFM, CJM, email, push, SMS, in-app, WhatsApp, Telegram, NPS, ID,
 * ROMI, LTV, CTR),
 * product and file-format names, and the textbook's variable names (R, F, M, FM, N, T1 …).
 * Anything else in Latin on a Russian screen is an untranslated text — unless it is data.
 */
const ALLOWED_WORDS = new Set([
  'chainlab', 'rfm', 'cjm', 'crm', 'csv', 'nps', 'sms', 'email', 'e-mail', 'push', 'in-app', 'whatsapp', 'telegram', 'id', 'vip', 'excel',
  'utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1252', 'koi8-r', 'ibm866', 'bom', 'ntile', 'unix', 'gmt', 'utc', 'fm', 'json', 'iso', 'ios', 'android',
  // key caps, named as they are printed on Russian keyboards (shortcut hints: «Отменить (Ctrl+Z)»)
  'ctrl', 'shift', 'alt', 'enter', 'delete', 'esc', 'tab', 'cmd', 'png', 'svg',
  // file formats offered for download
  'html', 'pdf',
  // the textbook's own words: its title (CRM GYM), «welcome-цепочка», the brands of its cases
  'gym', 'welcome', 'miele',
  // metric abbreviations the textbook writes in Latin
  'romi', 'roi', 'ltv', 'ctr', 'arpu', 'cr',
]);

/** An allowed term, or a variable name: one letter, maybe with digits (R, F, M, N, T1, a, b). */
function isAllowed(word: string): boolean {
  return ALLOWED_WORDS.has(word.toLowerCase()) || /^[A-Za-z]\d*$/.test(word);
}

/**
 * Data is marked where it is shown, so it is not mistaken for an untranslated text: give the
 * element showing names, e-mails, ids, file names or values from the user's files the
 * attribute `data-value` (table cells of a DataTable count as data already).
 */
export const DATA_SELECTOR = '[data-value], .MuiDataGrid-cell';

/**
 * The Latin-script words on the page that are neither data nor allowed terms, each with where
 * it was found: visible text, and the texts assistive technology reads (aria-label, title,
 * placeholder, alt).
 */
export async function latinUiWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate((dataSelector) => {
    const found: { text: string; where: string }[] = [];
    const isData = (element: Element | null) => element?.closest(dataSelector) != null;
    const isHidden = (element: Element) => element.closest('[aria-hidden="true"], script, style, noscript') !== null || !element.checkVisibility({ visibilityProperty: true });
    const where = (element: Element) => `${element.tagName.toLowerCase()}${element.getAttribute('data-testid') ? `[data-testid=${element.getAttribute('data-testid')}]` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || isData(parent) || isHidden(parent)) continue;
      const text = node.textContent ?? '';
      if (/[A-Za-z]/.test(text)) found.push({ text, where: where(parent) });
    }
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (isData(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const text = element.getAttribute(name);
        if (text && /[A-Za-z]/.test(text)) found.push({ text, where: `${where(element)}@${name}` });
      }
    }
    return found;
  }, DATA_SELECTOR);
  const words: string[] = [];
  for (const { text, where } of texts) {
    // File names, e-mail addresses and web addresses inside a sentence are data too.
    const withoutData = text.replace(/\S+\.(csv|tsv|txt|json|jsonl)\b/gi, ' ').replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
    for (const word of withoutData.match(/[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g) ?? []) {
      if (!isAllowed(word)) words.push(`${word} — in “${text.trim().slice(0, 80)}” (${where})`);
    }
  }
  return [...new Set(words)];
}
