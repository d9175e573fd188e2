import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The chain editor's side panel (the selected node's form, or the chain settings when nothing is
 * selected), driven by the labels a user reads.
 */
export class InspectorPanel {
  constructor(readonly page: Page) {}

  /** The selected node's form. */
  get node(): Locator {
    return this.page.getByTestId('inspector-node');
  }

  /** The chain settings (nothing selected). */
  get settings(): Locator {
    return this.page.getByTestId('inspector-settings-panel');
  }

  /** What the panel says there is to fix (or "Nothing to fix here."). */
  get findings(): Locator {
    return this.page.getByTestId('inspector-findings');
  }

  get summary(): Locator {
    return this.page.getByTestId('inspector-summary');
  }

  async expectNode(kind: string): Promise<void> {
    await expect(this.node).toHaveAttribute('data-kind', kind);
  }

  /** Chooses in a drop-down (MUI Select) by its label. */
  async choose(scope: Locator, label: string | RegExp, option: string | RegExp): Promise<void> {
    await scope.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('listbox').getByRole('option', { name: option }).click();
    await expect(this.page.getByRole('listbox')).toHaveCount(0);
  }

  /**
   * Picks a name offered from the workspace's data (an Autocomplete with counts); returns the
   * option's text as offered (name and count).
   */
  async pick(scope: Locator, label: string | RegExp, option: string | RegExp): Promise<string> {
    await scope.getByRole('combobox', { name: label }).click();
    const item = this.page.getByRole('listbox').getByRole('option', { name: option }).first();
    const text = (await item.textContent()) ?? '';
    await item.click();
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('listbox')).toHaveCount(0);
    return text;
  }

  /**
   * A finding the user just fixed is gone from the panel and from the card's badge, while the
   * node's other findings (an exit not linked yet) may stay.
   */
  async expectFindingGone(card: Locator, text: string): Promise<void> {
    await expect(this.findings).toBeVisible();
    await expect(this.findings).not.toContainText(text);
    const badges = card.getByTestId('node-warning');
    if ((await badges.count()) > 0) await expect(badges).not.toHaveAttribute('title', new RegExp(escapeRegExp(text)));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
