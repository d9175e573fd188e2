import { describe, expect, it } from 'vitest';
import { looksLikeBoolean, normalizeGender, parseBoolean } from './flags';
import { normalizeEventType, transliterate } from './eventTypes';

describe('parseBoolean', () => {
  it.each(['1', 'true', 'TRUE', 'Yes', 'y', 'да', 'Да', 'д', '+', 'ИСТИНА', 'истина', 'subscribed', 'Согласен', 'opt-in', ' да '])('%j is yes', (raw) => {
    expect(parseBoolean(raw)).toBe(true);
  });
  it.each(['0', 'false', 'FALSE', 'No', 'n', 'нет', 'Нет', 'н', '-', 'ЛОЖЬ', 'unsubscribed', 'отписан', 'opt-out', 'Не согласен'])('%j is no', (raw) => {
    expect(parseBoolean(raw)).toBe(false);
  });
  it.each(['', '  ', 'n/a', 'NULL', 'неизвестно', 'unknown'])('%j is unknown, not no', (raw) => {
    expect(parseBoolean(raw)).toBeNull();
  });
  it.each(['maybe', 'иногда', '2'])('%j is not a yes/no word', (raw) => {
    expect(parseBoolean(raw)).toBeUndefined();
    expect(looksLikeBoolean(raw)).toBe(false);
  });
});

describe('normalizeGender', () => {
  it.each([
    ['м', 'male'],
    ['Муж.', 'male'],
    ['мужской', 'male'],
    ['M', 'male'],
    ['Male', 'male'],
    ['ж', 'female'],
    ['Ж', 'female'],
    ['женский', 'female'],
    ['F', 'female'],
    ['woman', 'female'],
    [' non-binary ', 'non-binary'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeGender(raw)).toBe(expected);
  });
});

describe('normalizeEventType', () => {
  it.each([
    ['order', 'order'],
    ['Purchase', 'order'],
    ['Покупка', 'order'],
    ['Заказ', 'order'],
    ['Add To Cart', 'cart_add'],
    ['addToCart', 'cart_add'],
    ['add-to-cart', 'cart_add'],
    ['Добавление в корзину', 'cart_add'],
    ['Просмотр товара', 'product_view'],
    ['view_item', 'product_view'],
    ['Page View', 'page_view'],
    ['Открытие письма', 'email_open'],
    ['Возврат', 'return'],
    ['refund', 'return'],
    ['Регистрация', 'registration'],
    // Klaviyo, Shopify, Segment and GA4 names
    ['Placed Order', 'order'],
    ['Order Completed', 'order'],
    ['Viewed Product', 'product_view'],
    ['Added to Cart', 'cart_add'],
    ['Started Checkout', 'checkout'],
    ['Opened Email', 'email_open'],
    ['Clicked Email', 'email_click'],
    ['Refunded Order', 'return'],
    ['Subscribed to List', 'subscribe'],
    ['custom_event', 'custom_event'],
    ['Webinar Signup', 'webinar_signup'],
    ['Просмотр акции', 'prosmotr_aktsii'],
    ['Звонок в колл-центр', 'zvonok_v_koll_tsentr'],
    ['Ёлка', 'elka'],
    ['2FA passed', 'event_2_fa_passed'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeEventType(raw)).toBe(expected);
  });

  it('gives nothing for a name without letters or digits', () => {
    expect(normalizeEventType('  --- ')).toBe('');
  });

  it('transliterates Russian letters', () => {
    expect(transliterate('щука жёлтая')).toBe('shchuka zheltaya');
  });
});
