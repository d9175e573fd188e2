/**
 * Lets the worker's queued messages in before long work goes on: one round trip through a
 * MessageChannel, which runs as a task after those already queued (a "cancel" among them), with
 * no timer clamping (nested setTimeout(0) waits ≥ 4 ms each). Both the browser's workers and
 * Node have MessageChannel; the ports are closed so Node's event loop is not held open.
 */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
    channel.port2.close();
  });
}
