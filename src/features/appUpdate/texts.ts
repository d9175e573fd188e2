/** Texts of the new-version prompt, `t('appUpdate.<key>')`. */
const en = {
  ready: 'A new version of ChainLab is ready.',
  readyDetail: 'Reload when it suits you: your chain edits are saved first.',
  updatedElsewhere: 'ChainLab was updated in another tab. Your edits here are saved; reload this tab to go on with the new version.',
  reload: 'Reload',
  later: 'Later',
  saving: 'Saving your changes…',
  notSaved: 'ChainLab did not reload: your latest changes could not be saved. Check the save status in the editor, then try again.',
};

const ru: typeof en = {
  ready: 'Готова новая версия ChainLab.',
  readyDetail: 'Перезагрузите, когда вам удобно: правки цепочек сначала сохранятся.',
  updatedElsewhere: 'ChainLab обновлён в другой вкладке. Ваши правки здесь сохранены; перезагрузите эту вкладку, чтобы продолжить в новой версии.',
  reload: 'Перезагрузить',
  later: 'Позже',
  saving: 'Сохраняем ваши изменения…',
  notSaved: 'ChainLab не перезагружен: последние изменения не удалось сохранить. Проверьте состояние сохранения в редакторе и попробуйте снова.',
};

export const appUpdateTexts = { en, ru };
