#!/usr/bin/env node
// The `chainlab` command: runs the TypeScript sources directly through tsx, so the command
// line and the browser app share one domain core without a build step. The import is dynamic
// because it must happen after tsx's loader is registered (static imports are hoisted).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
