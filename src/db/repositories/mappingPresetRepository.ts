import type { CsvKind, MappingPreset } from '../../domain';
import { newId } from '../database';
import { MAPPING_PRESET_FORMAT } from '../records/catalogueFormats';
import { idOf, readableRows } from '../records/readRecords';
import type { ChainLabDatabase } from '../schema';

/**
 * Saved column mappings ("a mapping can be saved and is offered again for a file with the same
 * header"). Presets are shared by all workspaces: the same export arrives in many of them.
 */
export async function findMappingPresets(db: ChainLabDatabase, kind: CsvKind, headerSignature: string): Promise<MappingPreset[]> {
  const presets = readableRows('mappingPresets', MAPPING_PRESET_FORMAT, await db.mappingPresets.where('[kind+headerSignature]').equals([kind, headerSignature]).toArray(), idOf);
  return presets.sort((a, b) => b.createdAt - a.createdAt);
}

export async function listMappingPresets(db: ChainLabDatabase): Promise<MappingPreset[]> {
  return readableRows('mappingPresets', MAPPING_PRESET_FORMAT, await db.mappingPresets.toArray(), idOf).sort((a, b) => b.createdAt - a.createdAt);
}

/** Saves a preset; one with the same name, kind and header is replaced. */
export async function saveMappingPreset(db: ChainLabDatabase, input: Omit<MappingPreset, 'id' | 'createdAt'>): Promise<MappingPreset> {
  const name = input.name.trim();
  const existing = (await findMappingPresets(db, input.kind, input.headerSignature)).find((preset) => preset.name === name);
  const preset: MappingPreset = { ...input, name, id: existing?.id ?? newId(), createdAt: Date.now() };
  await db.mappingPresets.put(preset);
  return preset;
}

export async function deleteMappingPreset(db: ChainLabDatabase, id: string): Promise<void> {
  await db.mappingPresets.delete(id);
}
