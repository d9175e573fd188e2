import { runCli } from './program';
import { isShardWorker, serveShard } from './shardThreads';

if (isShardWorker()) {
  // a worker thread of `chainlab simulate` (shardThreads.ts): serve one shard, parse nothing
  serveShard();
} else {
  // A closed pipe (`chainlab --help | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  /** Entry point of bin/chainlab.mjs. Sets the exit code and lets pending output drain. */
  process.exitCode = await runCli(process.argv);
}
