import type { PendingCommit } from '@stageline/plugin-environments-common';

/** Commits listed in a promotion pull request or merge commit. */
const LISTED = 50;

/**
 * The body of a promotion pull request or merge commit: how many commits it promotes and who
 * asked, then the newest commits (up to 50) and how many more there are.
 */
export function promotionBody(options: {
  head: string;
  base: string;
  commits: PendingCommit[];
  /** All commits promoted, when `commits` lists only the newest. */
  aheadBy?: number;
  actor?: string;
}): string {
  const { head, base, commits, actor } = options;
  const total = Math.max(options.aheadBy ?? 0, commits.length);
  const listed = commits.slice(0, LISTED);
  const more = total - listed.length;
  return [
    `Promotes ${total} commit${
      total === 1 ? '' : 's'
    } from \`${head}\` to \`${base}\`${
      actor ? `, requested by ${actor}` : ''
    } through Stageline.`,
    '',
    ...listed.map(c => `- ${c.sha.slice(0, 7)} ${c.message}`),
    ...(more > 0 ? [`- … and ${more} more`] : []),
  ].join('\n');
}
