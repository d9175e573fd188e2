import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now. The command line calls it where hundreds of megabytes have
 * just died and as much is about to be allocated: V8 frees an ArrayBuffer only when a
 * collection finds it dead, and a tight loop filling new typed arrays may run long before one
 * does, so the dead and the new columns would be resident together (issue 10: `chainlab stages`
 * on a 1 GB file). `gc` is not exposed without `node --expose-gc`, which a command started as
 * `chainlab …` cannot pass; setting the flag at run time makes it available in a new context
 * (what jest-leak-detector does).
 */
let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
