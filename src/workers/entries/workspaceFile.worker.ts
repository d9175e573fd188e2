/// <reference lib="webworker" />
import '../../domain/strictCsp'; // first: before zod loads (see the module)
import { createDexieWorkspaceFileStore } from '../../db/enginePort';
import { createWorkspaceFileHandlers } from '../../engine/workspaceFile/workspaceFileHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createWorkspaceFileHandlers(createDexieWorkspaceFileStore()));
