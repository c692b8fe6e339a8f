/**
 * Whether a table breaks a word across lines or overflows its container, as rendered: for every
 * header and data cell, each run of non-space characters must lie on one line (its client
 * rectangles share one line box), and no cell may be wider than its box; the table must fit the
 * element around it without scrolling sideways.
 */

/** Runs in the browser: the problems of the table `table`, as sentences. */
function layoutProblems(table) {
  const problems = [];
  const container = table.parentElement;
  if (table.getBoundingClientRect().width > container.clientWidth + 1) {
    problems.push(
      `the table is ${Math.round(
        table.getBoundingClientRect().width,
      )} px wide in a ${container.clientWidth} px container`,
    );
  }
  for (const cell of table.querySelectorAll('th, td')) {
    if (cell.scrollWidth > cell.clientWidth + 1) {
      problems.push(`"${cell.innerText.trim()}" overflows its cell`);
    }
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const firstTop = rects[0]?.top ?? 0;
        const lineHeight = rects[0]?.height ?? 0;
        if (rects.some(r => Math.abs(r.top - firstTop) > lineHeight / 2)) {
          problems.push(`"${word[0]}" is broken across lines`);
        }
      }
    }
  }
  return problems;
}

/** The layout problems of the table a Playwright locator points at. */
export function tableLayoutProblems(tableLocator) {
  return tableLocator.evaluate(layoutProblems);
}
