import { expect, type Locator, type Page } from '@playwright/test';
import { clickNavigationLink } from './navigation';

export type JourneyTab = 'funnel' | 'cjm' | 'lifecycle' | 'inaction' | 'mapping';
export type InactionList = 'considered_not_bought' | 'subscribed_no_order' | 'one_order_no_repeat';
export type LifecycleStatus = 'prospect' | 'new' | 'active' | 'at_risk' | 'lapsed' | 'churned';

/** Digits of a formatted number ("4,748", "4 748") as a number. */
export function parseCount(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d]/g, '');
  if (!digits) throw new Error(`no number in "${text}"`);
  return Number(digits);
}

/** The Journey stages screen, driven as a user would. */
export class JourneyPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await clickNavigationLink(this.page, /Journey stages|Этапы пути клиента/);
    await this.waitForResults();
  }

  get panel(): Locator {
    return this.page.getByTestId('journey-panel');
  }

  /** Waits until results are on screen and no computation is running. */
  async waitForResults(): Promise<void> {
    await expect(this.panel).toBeVisible({ timeout: 60_000 });
    await expect(this.panel).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  }

  async showTab(tab: JourneyTab): Promise<void> {
    await this.page.getByTestId(`journey-tab-${tab}`).click();
    await expect(this.page.getByTestId(`journey-tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await this.waitForResults();
  }

  async funnelNumber(kind: 'reached' | 'furthest', stage: string): Promise<number> {
    return parseCount(await this.page.getByTestId(`funnel-${kind}-${stage}`).textContent());
  }

  mappingItem(item: string): Locator {
    return this.page.getByTestId(`mapping-item-${item}`);
  }

  mappingStage(stage: string): Locator {
    return this.page.getByTestId(`mapping-stage-${stage}`);
  }

  /** Drags an event type (or rule) onto a stage with the mouse (HTML5 drag and drop). */
  async dragItemToStage(item: string, stage: string): Promise<void> {
    await this.mappingItem(item).dragTo(this.mappingStage(stage));
  }

  /** The keyboard/menu alternative: the item's ⋮ menu → a stage. */
  async moveItemWithMenu(item: string, stageLabel: RegExp): Promise<void> {
    await this.mappingItem(item).getByRole('button').click();
    await this.page.getByRole('menu').getByRole('menuitem', { name: stageLabel }).click();
  }

  async inactionCount(list: InactionList): Promise<number> {
    return parseCount(await this.page.getByTestId(`inaction-count-${list}`).textContent());
  }

  async lifecycleCount(status: LifecycleStatus): Promise<number> {
    return parseCount(await this.page.getByTestId(`lifecycle-count-${status}`).textContent());
  }

  get inactionList(): Locator {
    return this.page.getByTestId('inaction-list');
  }

  get inactionRows(): Locator {
    return this.inactionList.locator('.MuiDataGrid-row');
  }
}
