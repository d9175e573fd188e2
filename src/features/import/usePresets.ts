import { useLiveQuery } from '../../db/react';
import { getDatabase } from '../../db';
import { findMappingPresets, saveMappingPreset } from '../../db/repositories/mappingPresetRepository';
import { mappingToNames, type ColumnMapping, type CsvKind, type ImportPreview, type MappingPreset } from '../../domain';

/** Saved mappings made for files with this header and kind. */
export function useMatchingPresets(preview: ImportPreview | undefined, kind: CsvKind | undefined): MappingPreset[] {
  return useLiveQuery(() => (preview && kind ? findMappingPresets(getDatabase(), kind, preview.headerSignature) : []), [preview?.headerSignature, kind]) ?? [];
}

export async function savePreset(name: string, kind: CsvKind, preview: ImportPreview, mapping: ColumnMapping): Promise<MappingPreset> {
  const columns = preview.columns.map((column) => column.name);
  return saveMappingPreset(getDatabase(), { name, kind, headerSignature: preview.headerSignature, mapping: mappingToNames(mapping, columns) });
}
