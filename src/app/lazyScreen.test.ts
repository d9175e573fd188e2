import { describe, expect, it } from 'vitest';
import { lazyScreen, preloadWhenIdle } from './lazyScreen';
import { screenFailureOf } from './screenFailure';

const Screen = () => null;

describe('lazyScreen', () => {
  it('loads a screen once, however often it is preloaded', async () => {
    let loads = 0;
    const screen = lazyScreen(async () => {
      loads += 1;
      return Screen;
    });
    await Promise.all([screen.preload(), screen.preload()]);
    await screen.preload();
    expect(loads).toBe(1);
  });

  it('forgets a failed load, so that the next one tries again, and a failed preload does not throw', async () => {
    let loads = 0;
    const screen = lazyScreen(async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module: /assets/Segments.js');
      return Screen;
    }, []);
    await expect(screen.preload()).resolves.toBeUndefined();
    expect(loads).toBe(1);
    await screen.preload();
    expect(loads).toBe(2);
  });

  it('tries a failed load again after each delay before giving up', async () => {
    const failuresBeforeSuccess = (count: number) => {
      let loads = 0;
      const load = async () => {
        loads += 1;
        if (loads <= count) throw new TypeError('Failed to fetch dynamically imported module: /assets/Segments.js');
        return Screen;
      };
      return { load, loads: () => loads };
    };
    const twice = failuresBeforeSuccess(2);
    const recovered = lazyScreen(twice.load, [1, 1]);
    await recovered.preload();
    expect(twice.loads()).toBe(3);
    await recovered.preload(); // loaded: kept, not fetched again
    expect(twice.loads()).toBe(3);

    const always = failuresBeforeSuccess(Infinity);
    const screen = lazyScreen(always.load, [1, 1]);
    await screen.preload();
    expect(always.loads()).toBe(3);
    await screen.preload(); // given up and forgotten: the next visit tries afresh
    expect(always.loads()).toBe(6);
  });

  it('does not try again when the screen’s own code throws', async () => {
    let loads = 0;
    const screen = lazyScreen(async () => {
      loads += 1;
      throw new RangeError('Invalid time value');
    }, [1, 1]);
    await screen.preload();
    expect(loads).toBe(1);
  });
});

describe('preloadWhenIdle', () => {
  it('waits for the idle moment, then loads every screen one after the other, past a failure', async () => {
    const order: string[] = [];
    const screen = (name: string, fails = false) =>
      lazyScreen(async () => {
        order.push(`start ${name}`);
        await Promise.resolve();
        order.push(`end ${name}`);
        if (fails) throw new Error('gone');
        return Screen;
      }, []);
    let idleTask: (() => void) | undefined;
    preloadWhenIdle([screen('a'), screen('b', true), screen('c')], (task) => (idleTask = task));
    expect(order).toEqual([]);
    idleTask?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});

describe('screenFailureOf', () => {
  it.each([
    'Failed to fetch dynamically imported module: http://localhost/assets/SegmentsScreen-abc.js',
    'error loading dynamically imported module: http://localhost/assets/x.js',
    'Importing a module script failed.',
    'Unable to preload CSS for /assets/x.css',
  ])('says the code is outdated when the browser cannot fetch it: %s', (message) => {
    expect(screenFailureOf(new TypeError(message))).toEqual({ kind: 'outdatedCode' });
  });

  it('passes on the message of an error in the screen itself', () => {
    expect(screenFailureOf(new RangeError('Invalid time value'))).toEqual({ kind: 'error', message: 'Invalid time value' });
    expect(screenFailureOf('a thrown string')).toEqual({ kind: 'error', message: 'a thrown string' });
    expect(screenFailureOf(new Error(''))).toEqual({ kind: 'error', message: 'Error' });
  });
});
