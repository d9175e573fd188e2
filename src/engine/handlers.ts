import type { RunContext } from './port';

/**
 * One handler style for every use case: `(args, context) => Promise<result>`, the arguments one
 * structured-cloneable object, the context the call's progress and cancel signal. A use case
 * exports `createXHandlers(port)` returning a map of these; the Web Worker serves the map and the
 * page calls it by name through a typed client (src/workers/engineClient.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler<A = any, R = unknown> = (args: A, context: RunContext) => Promise<R>;

export type HandlerMap = Record<string, Handler>;

export type HandlerArgs<H extends HandlerMap, K extends keyof H> = Parameters<H[K]>[0];
export type HandlerResult<H extends HandlerMap, K extends keyof H> = Awaited<ReturnType<H[K]>>;
