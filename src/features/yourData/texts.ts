/** Texts of the "Your data" part of the storage panel, `t('yourData.<key>')`. */
const en = {
  title: 'Your data',
  where: 'Everything is kept in this browser’s <code>IndexedDB</code> storage, for <code>{{origin}}</code> only: other browsers, profiles and sites cannot read it, and nothing is sent anywhere.',
  workspaces: 'Workspaces in this browser',
  workspaceSize: '{{customers}} customers · {{events}} events',
  deleteWorkspace: 'Delete the workspace “{{name}}” and its data',
  deleteAll: 'Delete all ChainLab data…',
  deleteAllTitle: 'Delete all ChainLab data in this browser?',
  deleteAllBody: 'This deletes every workspace ({{count}}) with its customers, events, chains, audiences and runs, your column mappings and settings, from this browser. Other open ChainLab tabs reload. It cannot be undone: export the workspaces you want to keep first.',
  deleteAllConfirmLabel: 'Type “{{word}}” to confirm',
  deleteAllWord: 'delete',
  deleteAllAction: 'Delete everything',
  deleting: 'Deleting…',
  cancel: 'Cancel',
};

const ru: typeof en = {
  title: 'Ваши данные',
  where: 'Всё хранится в хранилище <code>IndexedDB</code> этого браузера и только для <code>{{origin}}</code>: другие браузеры, профили и сайты его не видят, и ничего никуда не отправляется.',
  workspaces: 'Пространства в этом браузере',
  workspaceSize: 'клиентов: {{customers}} · событий: {{events}}',
  deleteWorkspace: 'Удалить пространство «{{name}}» и его данные',
  deleteAll: 'Удалить все данные ChainLab…',
  deleteAllTitle: 'Удалить все данные ChainLab в этом браузере?',
  deleteAllBody: 'Будут удалены все пространства ({{count}}) с клиентами, событиями, цепочками, аудиториями и прогонами, ваши сопоставления колонок и настройки — из этого браузера. Другие открытые вкладки ChainLab перезагрузятся. Отменить нельзя: сначала экспортируйте пространства, которые хотите сохранить.',
  deleteAllConfirmLabel: 'Введите «{{word}}» для подтверждения',
  deleteAllWord: 'удалить',
  deleteAllAction: 'Удалить всё',
  deleting: 'Удаляем…',
  cancel: 'Отмена',
};

export const yourDataTexts = { en, ru };
