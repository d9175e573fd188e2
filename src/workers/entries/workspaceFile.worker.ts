/// <reference lib="webworker" />
import { createDexieWorkspaceFileStore } from '../../db/enginePort';
import { createWorkspaceFileHandlers } from '../../engine/workspaceFile/workspaceFileHandlers';
import { serveHandlers } from '../rpc';

serveHandlers(self, createWorkspaceFileHandlers(createDexieWorkspaceFileStore()));
