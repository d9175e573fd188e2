/**
 * Prints a standalone HTML page (the exported dashboard) without leaving the app: it is written
 * into a hidden frame, which is printed and removed. Nothing is opened in a new window, so no
 * pop-up blocker gets in the way.
 */
export function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0';
  document.body.append(frame);
  const view = frame.contentWindow;
  if (!view) {
    frame.remove();
    return;
  }
  view.document.open();
  view.document.write(html);
  view.document.close();
  const cleanUp = () => setTimeout(() => frame.remove(), 1000);
  view.addEventListener('afterprint', cleanUp, { once: true });
  // Images (the curves) are data URLs: decoded by the next frame.
  setTimeout(() => {
    view.focus();
    view.print();
  }, 100);
}
