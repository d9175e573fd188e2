/**
 * Texts of the Runs screens (issue 14). The view models in src/domain/runs return
 * `{ key, params }` with keys under `runs.` — the keys below. Numeric params are raw values
 * (rates and shares as fractions 0…1, money in currency units): format them (percent, money,
 * number) in the screen's language before passing them to `t`.
 */
const en = {
  sizing: {
    minimumLift: 'This control group can show a lift of {{points}} points ({{relative}}) or more over a {{baseline}} conversion rate. Customers who get messages: {{treatment}}; held back: {{control}}.',
    controlShare: 'To see a lift of {{points}} points, hold back {{share}} of the customers ({{control}} of {{customers}}).',
    no_treatment: 'Nobody got messages from this chain in the run: there is nothing to compare.',
    no_control: 'This chain has no control group: nobody is held back, so no lift can be measured. Set a control group share in the chain settings.',
    baseline_zero: 'Nobody converted in the run, so the baseline conversion rate is 0 and the size of a lift cannot be judged. Try a longer period.',
    baseline_one: 'Everybody converted in the run: there is nothing left to lift.',
    baseline_invalid: 'The baseline conversion rate {{baseline}} is not a rate between 0 and 1.',
    undetectable: 'With {{treatment}} customers getting messages and {{control}} held back, even a rise to a 100 % conversion rate would not show. Enlarge the groups.',
    lift_invalid: 'Enter a lift above 0 that keeps the conversion rate at most 100 % (you entered {{lift}}).',
    too_few_customers: 'Even holding back half of the {{customers}} customers would not show a lift of {{lift}} points. A 50 / 50 split needs about {{needed}} customers.',
    caveat: {
      rough_approximation: 'Few conversions are expected in the smaller group, so this estimate is rough.',
    },
  },
  whatIf: {
    valueInvalid: 'The value at {{path}} does not fit: {{reason}} {{limit}}',
    value: {
      tooSmall: 'the smallest allowed is',
      tooBig: 'the largest allowed is',
      wrongType: 'it is not the right kind of value',
      notAllowed: 'it is not one of the allowed values',
    },
    weightsPerBranch: 'Give one weight per branch: this split has {{branches}} branches.',
    settingNotOnNode: 'The node {{nodeId}} has no setting “{{setting}}” to vary.',
    nodeMissing: 'The node {{nodeId}} is not in the chain any more.',
    valueCount: 'Give from {{min}} to {{max}} values to compare (now {{count}}).',
    valueRepeated: 'Value {{position}} repeats an earlier one: each variant needs a different value.',
    variantInvalid: 'With this value the chain has errors ({{errors}}): this variant cannot run.',
  },
  setting: {
    delay: 'Delay',
    waitForTimeout: 'Wait-for timeout',
    channel: 'Channel',
    cost: 'Cost per message',
    splitWeights: 'Split weights',
    frequencyCap: 'Frequency cap',
    quietHours: 'Quiet hours',
    controlGroupPercent: 'Control group share',
  },
  column: {
    reach: 'Customers reached',
    messages: 'Messages',
    cost: 'Cost',
    capHits: 'Cap hits',
    conversions: 'Conversions (replayed, organic)',
    projectedConversions: 'Conversions (projected)',
  },
  best: {
    highest: 'Best: the highest',
    lowest: 'Best: the lowest',
  },
  figure: {
    customersReached: 'Customers reached',
    messages: 'Messages',
    suppressed: 'Suppressed messages',
    cost: 'Cost',
    conversions: 'Conversions (replayed)',
    revenue: 'Revenue (replayed)',
    projectedConversions: 'Conversions (projected)',
    projectedRevenue: 'Revenue (projected)',
    capHits: 'Frequency-cap hits',
    sent: 'Sent by {{channel}}',
    notApplicable: 'n/a',
  },
  presence: {
    both: 'In both runs',
    added: 'Added',
    removed: 'Removed',
  },
  badge: {
    none_arrive: 'Nobody arrives here in this run.',
    mostly_suppressed: 'Most messages here are suppressed: {{suppressed}} of {{tried}} ({{share}}).',
    wait_for_never_happens: 'The awaited event never happens: of {{entered}} customers, {{timedOut}} timed out and {{waiting}} still wait.',
  },
  results: {
    stale: 'Results are from the version of “{{name}}” before your edit — run again.',
    chainGone: 'The chain {{chainId}} of this run has been deleted.',
  },
  heatMap: {
    capOff: 'The frequency cap is off: highlighted days show where its values ({{messages}} per {{days}} days) would have been exceeded.',
    overCap: '{{customers}} customers over the cap on this day',
    setAside: 'Rows not drawn (outside the period or unreadable): {{rows}}',
  },
};

const ru: typeof en = {
  sizing: {
    minimumLift: 'Эта контрольная группа покажет рост конверсии от {{points}} п. п. ({{relative}}) при базовой конверсии {{baseline}}. Получают сообщения: {{treatment}}; в контрольной группе: {{control}}.',
    controlShare: 'Чтобы увидеть рост на {{points}} п. п., оставьте без сообщений {{share}} клиентов ({{control}} из {{customers}}).',
    no_treatment: 'В этом прогоне цепочка никому не отправила сообщений: сравнивать не с чем.',
    no_control: 'У цепочки нет контрольной группы: без неё рост не измерить. Задайте долю контрольной группы в настройках цепочки.',
    baseline_zero: 'В прогоне никто не совершил целевого действия: базовая конверсия равна 0, и оценить рост нельзя. Возьмите период подлиннее.',
    baseline_one: 'В прогоне целевое действие совершили все: расти некуда.',
    baseline_invalid: 'Базовая конверсия {{baseline}} — не доля от 0 до 1.',
    undetectable: 'Когда сообщения получают {{treatment}}, а в контрольной группе {{control}}, не будет виден даже рост конверсии до 100 %. Увеличьте группы.',
    lift_invalid: 'Введите рост больше 0, при котором конверсия не превысит 100 % (введено {{lift}}).',
    too_few_customers: 'Даже если оставить без сообщений половину из {{customers}} клиентов, рост на {{lift}} п. п. не будет виден. Для разбиения 50 / 50 нужно около {{needed}} клиентов.',
    caveat: {
      rough_approximation: 'В меньшей группе ожидается мало конверсий, поэтому оценка приблизительная.',
    },
  },
  whatIf: {
    valueInvalid: 'Значение {{path}} не подходит: {{reason}} {{limit}}',
    value: {
      tooSmall: 'наименьшее допустимое —',
      tooBig: 'наибольшее допустимое —',
      wrongType: 'это значение не того вида',
      notAllowed: 'такого значения нет среди допустимых',
    },
    weightsPerBranch: 'Укажите по одному весу на ветку: у этого сплита веток — {{branches}}.',
    settingNotOnNode: 'У узла {{nodeId}} нет настройки «{{setting}}», которую можно менять.',
    nodeMissing: 'Узла {{nodeId}} в цепочке больше нет.',
    valueCount: 'Укажите от {{min}} до {{max}} значений для сравнения (сейчас {{count}}).',
    valueRepeated: 'Значение {{position}} повторяет одно из предыдущих: у каждого варианта должно быть своё значение.',
    variantInvalid: 'С этим значением в цепочке есть ошибки ({{errors}}): этот вариант не запустить.',
  },
  setting: {
    delay: 'Задержка',
    waitForTimeout: 'Срок ожидания события',
    channel: 'Канал',
    cost: 'Стоимость сообщения',
    splitWeights: 'Веса сплита',
    frequencyCap: 'Ограничение частоты',
    quietHours: 'Тихие часы',
    controlGroupPercent: 'Доля контрольной группы',
  },
  column: {
    reach: 'Охвачено клиентов',
    messages: 'Сообщения',
    cost: 'Затраты',
    capHits: 'Срабатывания ограничения частоты',
    conversions: 'Конверсии (по истории, органические)',
    projectedConversions: 'Конверсии (прогноз)',
  },
  best: {
    highest: 'Лучше — наибольшее',
    lowest: 'Лучше — наименьшее',
  },
  figure: {
    customersReached: 'Охвачено клиентов',
    messages: 'Сообщения',
    suppressed: 'Не отправлено (ограничения)',
    cost: 'Затраты',
    conversions: 'Конверсии (по истории)',
    revenue: 'Выручка (по истории)',
    projectedConversions: 'Конверсии (прогноз)',
    projectedRevenue: 'Выручка (прогноз)',
    capHits: 'Срабатывания ограничения частоты',
    sent: 'Отправлено: {{channel}}',
    notApplicable: 'н/д',
  },
  presence: {
    both: 'В обоих прогонах',
    added: 'Добавлен',
    removed: 'Удалён',
  },
  badge: {
    none_arrive: 'В этом прогоне сюда никто не доходит.',
    mostly_suppressed: 'Большинство сообщений здесь не отправлено: {{suppressed}} из {{tried}} ({{share}}).',
    wait_for_never_happens: 'Ожидаемое событие не происходит: из {{entered}} клиентов у {{timedOut}} истёк срок ожидания, {{waiting}} ещё ждут.',
  },
  results: {
    stale: 'Результаты относятся к версии «{{name}}» до вашей правки — запустите прогон снова.',
    chainGone: 'Цепочка {{chainId}} из этого прогона удалена.',
  },
  heatMap: {
    capOff: 'Ограничение частоты выключено: подсвечены дни, когда были бы превышены его значения ({{messages}} за {{days}} дн.).',
    overCap: 'Клиентов сверх ограничения в этот день: {{customers}}',
    setAside: 'Не показано строк (вне периода или нечитаемых): {{rows}}',
  },
};

export const runsTexts = { en, ru };
