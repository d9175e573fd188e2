/**
 * Name, city and e-mail vocabularies for the demo customers. Most customers are Russian
 * (the product's home market); about a fifth have English names, as in stores that also sell
 * to expats and tourists. Surnames are stored in their masculine form and inflected for women.
 */

export const RU_FEMALE_NAMES = [
  'Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Екатерина', 'Татьяна', 'Ирина', 'Светлана', 'Юлия',
  'Анастасия', 'Дарья', 'Полина', 'Алина', 'Виктория', 'Ксения', 'Марина', 'Валерия', 'Софья', 'Алёна',
  'Евгения', 'Кристина', 'Александра', 'Вероника', 'Людмила', 'Галина', 'Надежда', 'Любовь', 'Вера', 'Яна',
  'Арина', 'Диана', 'Маргарита', 'Елизавета', 'Оксана', 'Жанна', 'Лилия', 'Регина', 'Карина', 'Таисия',
] as const;

export const RU_MALE_NAMES = [
  'Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил',
  'Никита', 'Матвей', 'Роман', 'Егор', 'Иван', 'Владимир', 'Павел', 'Николай', 'Евгений', 'Денис',
  'Антон', 'Игорь', 'Олег', 'Виктор', 'Юрий', 'Константин', 'Глеб', 'Тимур', 'Руслан', 'Григорий',
  'Вадим', 'Степан', 'Фёдор', 'Георгий', 'Ярослав', 'Василий', 'Борис', 'Леонид', 'Пётр', 'Арсений',
] as const;

/** Masculine forms; `feminineSurname` derives the women's form. */
export const RU_SURNAMES = [
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
  'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
  'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв',
  'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов',
  'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров',
  'Маслов', 'Крылов', 'Калинин', 'Успенский', 'Вишневский', 'Ткаченко', 'Шевченко', 'Бондаренко', 'Ковальчук', 'Мельник',
] as const;

export const EN_FEMALE_NAMES = [
  'Emma', 'Olivia', 'Sophia', 'Emily', 'Charlotte', 'Amelia', 'Grace', 'Chloe', 'Lucy', 'Hannah',
  'Jessica', 'Sarah', 'Laura', 'Rachel', 'Megan', 'Kate', 'Anna', 'Julia', 'Alice', 'Mia',
] as const;

export const EN_MALE_NAMES = [
  'James', 'John', 'Michael', 'David', 'Daniel', 'Thomas', 'William', 'Oliver', 'Jack', 'Harry',
  'George', 'Benjamin', 'Samuel', 'Matthew', 'Andrew', 'Peter', 'Robert', 'Christopher', 'Ryan', 'Alex',
] as const;

export const EN_SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson',
  'Thomas', 'Moore', 'Martin', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright',
  'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Evans',
  'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Bailey', 'Cooper',
] as const;

export interface DemoCity {
  name: string;
  /** The same city spelled in English, used by some English-speaking customers. */
  nameEn: string;
  weight: number;
  /** Hours ahead of UTC (Russia keeps no daylight saving time). */
  utcOffset: number;
}

export const DEMO_CITIES: readonly DemoCity[] = [
  { name: 'Москва', nameEn: 'Moscow', weight: 30, utcOffset: 3 },
  { name: 'Санкт-Петербург', nameEn: 'Saint Petersburg', weight: 13, utcOffset: 3 },
  { name: 'Новосибирск', nameEn: 'Novosibirsk', weight: 4, utcOffset: 7 },
  { name: 'Екатеринбург', nameEn: 'Yekaterinburg', weight: 4, utcOffset: 5 },
  { name: 'Казань', nameEn: 'Kazan', weight: 4, utcOffset: 3 },
  { name: 'Нижний Новгород', nameEn: 'Nizhny Novgorod', weight: 3, utcOffset: 3 },
  { name: 'Краснодар', nameEn: 'Krasnodar', weight: 3.5, utcOffset: 3 },
  { name: 'Самара', nameEn: 'Samara', weight: 3, utcOffset: 4 },
  { name: 'Ростов-на-Дону', nameEn: 'Rostov-on-Don', weight: 3, utcOffset: 3 },
  { name: 'Уфа', nameEn: 'Ufa', weight: 2.5, utcOffset: 5 },
  { name: 'Челябинск', nameEn: 'Chelyabinsk', weight: 2.5, utcOffset: 5 },
  { name: 'Пермь', nameEn: 'Perm', weight: 2, utcOffset: 5 },
  { name: 'Воронеж', nameEn: 'Voronezh', weight: 2, utcOffset: 3 },
  { name: 'Красноярск', nameEn: 'Krasnoyarsk', weight: 2, utcOffset: 7 },
  { name: 'Тюмень', nameEn: 'Tyumen', weight: 1.5, utcOffset: 5 },
  { name: 'Омск', nameEn: 'Omsk', weight: 1.5, utcOffset: 6 },
  { name: 'Сочи', nameEn: 'Sochi', weight: 1.5, utcOffset: 3 },
  { name: 'Калининград', nameEn: 'Kaliningrad', weight: 1, utcOffset: 2 },
  { name: 'Владивосток', nameEn: 'Vladivostok', weight: 1, utcOffset: 10 },
  { name: 'Иркутск', nameEn: 'Irkutsk', weight: 1, utcOffset: 8 },
  { name: 'Ярославль', nameEn: 'Yaroslavl', weight: 1, utcOffset: 3 },
  { name: 'Тула', nameEn: 'Tula', weight: 1, utcOffset: 3 },
];

export const RU_EMAIL_DOMAINS = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'inbox.ru', 'ya.ru', 'rambler.ru', 'icloud.com'] as const;
export const RU_EMAIL_DOMAIN_WEIGHTS = [30, 25, 20, 5, 4, 4, 5, 3, 4] as const;
export const EN_EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'icloud.com', 'yahoo.com', 'proton.me', 'hotmail.com'] as const;
export const EN_EMAIL_DOMAIN_WEIGHTS = [45, 18, 15, 10, 5, 7] as const;

/** Иванов → Иванова, Успенский → Успенская; Ткаченко, Ковальчук keep their form. */
export function feminineSurname(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`;
  if (surname.endsWith('ский')) return `${surname.slice(0, -4)}ская`;
  if (surname.endsWith('цкий')) return `${surname.slice(0, -4)}цкая`;
  return surname;
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Lower-case Latin spelling for e-mail addresses (simplified passport transliteration). */
export function transliterate(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) {
    const latin = TRANSLIT[char];
    out += latin ?? (/[a-z0-9]/.test(char) ? char : '');
  }
  return out;
}

/** The chain's shops by Russian city name; customers elsewhere buy online only. */
export const DEMO_STORES: Readonly<Record<string, readonly string[]>> = {
  Москва: ['Москва, ТЦ Авиапарк', 'Москва, ТРЦ Европейский', 'Москва, ТЦ Мега Белая Дача'],
  'Санкт-Петербург': ['Санкт-Петербург, ТРЦ Галерея', 'Санкт-Петербург, ТРК Питерлэнд'],
  Казань: ['Казань, ТЦ Кольцо'],
  Екатеринбург: ['Екатеринбург, ТРЦ Гринвич'],
  Новосибирск: ['Новосибирск, ТРЦ Аура'],
  Краснодар: ['Краснодар, ТРЦ OZ Молл'],
  'Нижний Новгород': ['Нижний Новгород, ТРЦ Небо'],
};
