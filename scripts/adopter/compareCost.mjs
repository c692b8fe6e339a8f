// node compareCost.mjs <installed bin's --json output> <workspace source's --json output>
// The stageline-cost bin installed from the tarball must give the estimate the workspace's
// source gives for the same template.
const [installedText, sourceText] = process.argv.slice(2);
let installed;
try {
  installed = JSON.parse(installedText);
} catch {
  console.log(
    `  FAIL the installed stageline-cost printed no JSON: ${installedText.slice(
      0,
      300,
    )}`,
  );
  process.exit(1);
}
const source = JSON.parse(sourceText);
const lines = installed.lines ?? [];
if (!(lines.length > 0)) {
  console.log(
    `  FAIL the installed stageline-cost priced nothing: ${installedText.slice(
      0,
      300,
    )}`,
  );
  process.exit(1);
}
if (JSON.stringify(installed) !== JSON.stringify(source)) {
  console.log(
    '  FAIL the installed stageline-cost and the workspace source differ:',
  );
  console.log(`    installed: ${JSON.stringify(installed).slice(0, 400)}`);
  console.log(`    source:    ${JSON.stringify(source).slice(0, 400)}`);
  process.exit(1);
}
console.log(
  `  ok   stageline-cost from the tarball priced ${lines.length} line(s), as the source does`,
);
