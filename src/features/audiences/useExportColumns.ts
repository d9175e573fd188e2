import { useCallback } from 'react';
import { AUDIENCE_EXPORT_SETTING_NAME, getDatabase, loadWorkspaceSetting, setWorkspaceSetting } from '../../db';
import { useLiveQuery } from '../../db/react';
import { AUDIENCE_EXPORT_SETTINGS_VERSION, defaultAudienceExportSettings, type AudienceExportSettings } from '../../domain/audiences/exportColumns';

/**
 * The export columns the workspace last chose (a versioned stored setting, read by the one load
 * policy: a value that cannot be read is reported and left as it is, the defaults used meanwhile)
 * and a function that remembers a new choice. Undefined while read.
 */
export function useRememberedExportColumns(workspaceId: string): [string[] | undefined, (columns: string[]) => void] {
  const stored = useLiveQuery(async () => {
    const loaded = await loadWorkspaceSetting<AudienceExportSettings>(getDatabase(), workspaceId, AUDIENCE_EXPORT_SETTING_NAME);
    return (loaded.state === 'loaded' ? loaded.value : defaultAudienceExportSettings()).columns;
  }, [workspaceId]);
  const remember = useCallback(
    (columns: string[]) => {
      // an empty choice is not stored: the export always has a column
      if (columns.length) void setWorkspaceSetting(getDatabase(), workspaceId, AUDIENCE_EXPORT_SETTING_NAME, { version: AUDIENCE_EXPORT_SETTINGS_VERSION, columns } satisfies AudienceExportSettings);
    },
    [workspaceId],
  );
  return [stored, remember];
}
