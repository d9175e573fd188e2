import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from './cliErrors';
import { ensureDirectory, LineWriter } from './fileOutput';

const work = mkdtempSync(join(tmpdir(), 'chainlab-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('LineWriter', () => {
  it('writes exactly the lines given, across chunk boundaries, multi-byte text and huge lines', async () => {
    const path = join(work, 'lines.csv');
    const writer = new LineWriter(path);
    const expected: string[] = [];
    const huge = 'Ж'.repeat(700_000);
    writer.write('header\n');
    for (let i = 0; i < 60_000; i++) {
      const line = i === 30_000 ? huge : `C${i},Москва,"a, b",${i * 1.5}`;
      expected.push(line);
      writer.writeLine(line);
      if (writer.isFull) await writer.flush();
    }
    const batch = ['x1', 'ё2', 'x3'];
    writer.writeLines(batch);
    writer.writeLines([]);
    expected.push(...batch);
    await writer.close();
    expect(writer.lines).toBe(expected.length);
    expect(readFileSync(path, 'utf8')).toBe(`header\n${expected.join('\n')}\n`);
  });

  it('reports a file that cannot be written as a one-line CliError naming it', async () => {
    const path = join(work, 'missing-dir', 'x.csv');
    const writer = new LineWriter(path);
    writer.writeLine('a');
    const failure = await writer.close().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).message).toBe(`cannot write ${path}: ENOENT`);
  });
});

describe('ensureDirectory', () => {
  it('creates nested directories and refuses a file in the way', () => {
    ensureDirectory(join(work, 'a', 'b', 'c'));
    ensureDirectory(join(work, 'a', 'b', 'c'));
    writeFileSync(join(work, 'plain'), 'x');
    expect(() => ensureDirectory(join(work, 'plain'))).toThrow(/a file is in the way/);
  });
});
