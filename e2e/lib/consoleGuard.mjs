/**
 * Watches the browser console of every page for problems raised from Stageline's components:
 *
 * - a console error or warning whose React component stack passes through a component of a
 *   Stageline plugin (a frame in `plugins/<name>/src/`, outside node_modules): React's
 *   warnings (missing `key`, `validateDOMNesting`, `defaultProps` on function components, …)
 *   name the component they were raised in, and the dev server's frames name its source file;
 * - an uncaught exception thrown from a Stageline plugin's code;
 * - a request to the environments backend (`/api/environments/`) that failed, which the
 *   browser reports as "Failed to load resource".
 *
 * Warnings from Backstage's or Material UI's own pages (the catalog table, the sidebar) pass
 * through no Stageline frame and are left out: Stageline cannot fix them.
 */
const STAGELINE_FRAME =
  /^\s*at (\S+) \((?!.*node_modules).*\/plugins\/[\w.-]+\/src\//;

/** The innermost Stageline component a message's stack passes through, if any. */
function stagelineComponent(text) {
  for (const line of text.split('\n')) {
    const frame = STAGELINE_FRAME.exec(line);
    if (frame) return frame[1];
  }
  return undefined;
}

export function createConsoleGuard() {
  const problems = [];
  const record = (page, kind, text, component) =>
    problems.push({
      kind,
      component,
      text: text.split('\n')[0].slice(0, 300),
      at: new URL(page.url()).pathname,
    });

  return {
    /** Starts watching a page. */
    watch(page) {
      page.on('console', message => {
        if (!['error', 'warning'].includes(message.type())) return;
        const text = message.text();
        const component = stagelineComponent(text);
        if (component) {
          record(page, `console ${message.type()}`, text, component);
        } else if (
          /^Failed to load resource/.test(text) &&
          /\/api\/environments\//.test(message.location()?.url ?? '')
        ) {
          record(page, 'failed request', `${text}: ${message.location().url}`);
        }
      });
      page.on('pageerror', error => {
        const component = stagelineComponent(String(error.stack ?? ''));
        if (component)
          record(page, 'uncaught exception', error.message, component);
      });
    },
    /** Everything recorded so far, one line each. */
    problems() {
      return problems.map(
        p =>
          `${p.kind}${p.component ? ` in ${p.component}` : ''} on ${p.at}: ${
            p.text
          }`,
      );
    },
  };
}
