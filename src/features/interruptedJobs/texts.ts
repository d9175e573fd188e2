/** Texts of the notice about jobs cut off by a closed tab, `t('interruptedJobs.<key>')`. */
const en = {
  run: 'The run “{{label}}”, started {{time}}, was cut off: its tab was closed before the run ended. Nothing of it was saved — start it again.',
  workspaceImport: 'Opening the workspace file “{{label}}”, started {{time}}, was cut off: its tab was closed before it ended. Nothing of it was saved and no workspace was added — open the file again.',
  dismiss: 'Dismiss',
};

const ru: typeof en = {
  run: 'Прогон «{{label}}», начатый {{time}}, прерван: его вкладку закрыли до конца прогона. Ничего из него не сохранено — запустите его снова.',
  workspaceImport: 'Открытие файла пространства «{{label}}», начатое {{time}}, прервано: его вкладку закрыли до конца. Ничего не сохранено, пространство не добавлено — откройте файл снова.',
  dismiss: 'Скрыть',
};

export const interruptedJobsTexts = { en, ru };
