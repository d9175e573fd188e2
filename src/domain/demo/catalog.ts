import { createRandom, cumulative, type Random } from '../random';

/**
 * The demo store's catalogue: a mid-market Russian omnichannel retailer (fashion, beauty,
 * electronics, home). Each category has a few hundred SKUs with fixed shelf prices (so the same
 * SKU costs the same for everyone) and Zipf-like popularity (a few bestsellers, a long tail).
 */
export interface DemoCategory {
  name: string;
  /** SKU prefix */
  code: string;
  /** Share of browsing and buying interest. */
  weight: number;
  /** Median shelf price, roubles. */
  medianPrice: number;
  priceSigma: number;
  /** Probability an order of this category is returned (fashion is returned most). */
  returnRate: number;
  /** Typical site-search phrases. */
  queries: readonly string[];
}

export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  { name: 'Одежда', code: 'CL', weight: 26, medianPrice: 2490, priceSigma: 0.55, returnRate: 0.13, queries: ['платье', 'джинсы', 'футболка', 'куртка', 'худи', 'пуховик'] },
  { name: 'Обувь', code: 'SH', weight: 16, medianPrice: 4490, priceSigma: 0.45, returnRate: 0.15, queries: ['кроссовки', 'ботинки', 'туфли', 'кеды', 'сапоги'] },
  { name: 'Аксессуары', code: 'AC', weight: 12, medianPrice: 1490, priceSigma: 0.6, returnRate: 0.06, queries: ['сумка', 'рюкзак', 'ремень', 'шарф', 'часы'] },
  { name: 'Косметика', code: 'CO', weight: 16, medianPrice: 990, priceSigma: 0.55, returnRate: 0.03, queries: ['крем', 'помада', 'парфюм', 'шампунь', 'сыворотка'] },
  { name: 'Электроника', code: 'EL', weight: 10, medianPrice: 6990, priceSigma: 0.8, returnRate: 0.06, queries: ['наушники', 'смарт-часы', 'колонка', 'power bank', 'чехол iphone'] },
  { name: 'Дом', code: 'HM', weight: 12, medianPrice: 1790, priceSigma: 0.65, returnRate: 0.05, queries: ['постельное бельё', 'плед', 'свеча', 'посуда', 'полотенце'] },
  { name: 'Спорт', code: 'SP', weight: 8, medianPrice: 2990, priceSigma: 0.6, returnRate: 0.08, queries: ['коврик для йоги', 'гантели', 'термос', 'спортивный костюм'] },
];

export const CATEGORY_NAMES: readonly string[] = DEMO_CATEGORIES.map((category) => category.name);
export const CATEGORY_CUMULATIVE = cumulative(DEMO_CATEGORIES.map((category) => category.weight));

const SKUS_PER_CATEGORY = 240;
/** The premium line of each category (flagship phones, designer shoes): fewer SKUs, about five times dearer. */
const PREMIUM_SKUS_PER_CATEGORY = 40;
const PREMIUM_PRICE_FACTOR = 5;
const CATALOG_KEY = 0x0c47a106;

export interface CatalogCategory {
  category: DemoCategory;
  /** Shared, never modified: drawing an item allocates nothing. */
  items: DemoItem[];
  /** Zipf popularity, cumulative over `items`. */
  popularity: number[];
  premium: DemoItem[];
  premiumPopularity: number[];
}

export interface DemoCatalog {
  categories: CatalogCategory[];
}

export function buildCatalog(seed: number): DemoCatalog {
  const random = createRandom(seed, CATALOG_KEY);
  const categories = DEMO_CATEGORIES.map((category, categoryIndex) => ({
    category,
    items: drawSkus(random, categoryIndex, SKUS_PER_CATEGORY, category.code, category.medianPrice, category.priceSigma),
    popularity: zipf(SKUS_PER_CATEGORY),
    premium: drawSkus(random, categoryIndex, PREMIUM_SKUS_PER_CATEGORY, `${category.code}P`, category.medianPrice * PREMIUM_PRICE_FACTOR, 0.35),
    premiumPopularity: zipf(PREMIUM_SKUS_PER_CATEGORY),
  }));
  return { categories };
}

function zipf(count: number): number[] {
  return cumulative(Array.from({ length: count }, (_, rank) => 1 / (rank + 1)));
}

function drawSkus(random: Random, categoryIndex: number, count: number, code: string, medianPrice: number, sigma: number): DemoItem[] {
  const skus: string[] = [];
  const prices: number[] = [];
  for (let i = 0; i < count; i++) {
    skus.push(`${code}-${String(10_000 + random.int(0, 89_999))}`);
    prices.push(shelfPrice(random.lognormal(Math.log(medianPrice), sigma)));
  }
  return dedupe(skus).map((sku, i): DemoItem => ({ category: categoryIndex, sku, price: prices[i]! }));
}

/** Retail prices end in 90 (2 490 ₽, 990 ₽); the cheapest item is 190 ₽. */
export function shelfPrice(raw: number): number {
  return Math.max(190, Math.round(raw / 100) * 100 - 10);
}

function dedupe(skus: string[]): string[] {
  const seen = new Set<string>();
  return skus.map((sku) => {
    let unique = sku;
    for (let n = 1; seen.has(unique); n++) unique = `${sku}-${n}`;
    seen.add(unique);
    return unique;
  });
}

export function drawCategoryIndex(random: Random): number {
  return random.cumulativeIndex(CATEGORY_CUMULATIVE);
}

export interface DemoItem {
  readonly category: number;
  readonly sku: string;
  readonly price: number;
}

/**
 * One SKU of the category, from the premium line when `isPremium`. `priceBias` > 1 draws that
 * many candidates and keeps the dearest, < -1 keeps the cheapest of |bias| (bargain hunters).
 */
export function drawItem(catalog: DemoCatalog, random: Random, categoryIndex: number, priceBias = 1, isPremium = false): DemoItem {
  const entry = catalog.categories[categoryIndex]!;
  const items = isPremium ? entry.premium : entry.items;
  const popularity = isPremium ? entry.premiumPopularity : entry.popularity;
  let best = items[random.cumulativeIndex(popularity)]!;
  const draws = Math.abs(priceBias);
  for (let i = 1; i < draws; i++) {
    const candidate = items[random.cumulativeIndex(popularity)]!;
    if (priceBias > 0 ? candidate.price > best.price : candidate.price < best.price) best = candidate;
  }
  return best;
}
