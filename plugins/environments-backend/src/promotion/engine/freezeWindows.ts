import { z } from 'zod';
import { DateTime } from 'luxon';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ENVIRONMENT_STAGES,
  EnvironmentStage,
} from '@stageline/plugin-environments-common';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const freezeWindowSchema: z.ZodType<FreezeWindow> = z
  .object({
    name: z.string().min(1),
    stages: z.array(z.enum(ENVIRONMENT_STAGES)).min(1).optional(),
    start: z
      .string()
      .refine(
        v => !Number.isNaN(Date.parse(v)),
        'must be an ISO 8601 date-time',
      )
      .optional(),
    end: z
      .string()
      .refine(
        v => !Number.isNaN(Date.parse(v)),
        'must be an ISO 8601 date-time',
      )
      .optional(),
    days: z.array(z.enum(WEEKDAYS)).min(1).optional(),
    hours: z
      .object({
        from: z.string().regex(TIME, 'must be HH:MM'),
        to: z.string().regex(TIME, 'must be HH:MM'),
      })
      .optional(),
    timezone: z
      .string()
      .refine(
        v => DateTime.now().setZone(v).isValid,
        'must be an IANA time zone, e.g. Europe/London',
      )
      .optional(),
  })
  .superRefine((w, ctx) => {
    const oneOff = w.start !== undefined || w.end !== undefined;
    const recurring = w.days !== undefined || w.hours !== undefined;
    if (oneOff && recurring) {
      ctx.addIssue({
        code: 'custom',
        message: 'use either start/end or days/hours, not both',
      });
    } else if (oneOff && (w.start === undefined || w.end === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'needs both start and end' });
    } else if (!oneOff && !recurring) {
      ctx.addIssue({
        code: 'custom',
        message: 'needs start/end or days and/or hours',
      });
    }
  });

/**
 * A period in which promotions into some stages are refused. Either one-off (`start`/`end`,
 * ISO 8601) or recurring (`days` and/or `hours` in `timezone`, default UTC; `hours.from` after
 * `hours.to` spans midnight). `stages` defaults to `['production']`.
 *
 * @public
 */
export interface FreezeWindow {
  name: string;
  stages?: EnvironmentStage[];
  start?: string;
  end?: string;
  days?: Array<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'>;
  hours?: { from: string; to: string };
  timezone?: string;
}

/**
 * Reads and validates freeze windows (e.g. `environments.promotion.freezeWindows`); throws an
 * `InputError` naming the config key and field of the first invalid window.
 *
 * @public
 */
export function readFreezeWindows(
  config: Config | undefined,
  key: string,
): FreezeWindow[] {
  const raw = config?.getOptional(key);
  if (raw === undefined) return [];
  const parsed = z.array(freezeWindowSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = [key, ...issue.path.map(String)].join('.');
    throw new InputError(`${where} ${issue.message}`);
  }
  return parsed.data;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/**
 * The freeze window that covers `stage` at `now`, if any.
 *
 * @public
 */
export function activeFreezeWindow(
  windows: FreezeWindow[],
  stage: EnvironmentStage,
  now: Date,
): FreezeWindow | undefined {
  return windows.find(w => {
    if (!(w.stages ?? ['production']).includes(stage)) return false;
    if (w.start && w.end) {
      const t = now.getTime();
      return t >= Date.parse(w.start) && t < Date.parse(w.end);
    }
    const local = DateTime.fromJSDate(now).setZone(w.timezone ?? 'UTC');
    if (w.days && !w.days.includes(WEEKDAYS[local.weekday - 1])) return false;
    if (w.hours) {
      const at = local.hour * 60 + local.minute;
      const from = minutes(w.hours.from);
      const to = minutes(w.hours.to);
      return from <= to ? at >= from && at < to : at >= from || at < to;
    }
    return true;
  });
}

/**
 * A sentence describing a freeze window, e.g. `weekend (sat, sun, UTC)`.
 *
 * @public
 */
export function describeFreezeWindow(w: FreezeWindow): string {
  if (w.start && w.end) return `${w.name} (${w.start} to ${w.end})`;
  const parts = [
    w.days?.join(', '),
    w.hours ? `${w.hours.from}-${w.hours.to}` : undefined,
    w.timezone ?? 'UTC',
  ].filter(Boolean);
  return `${w.name} (${parts.join(' ')})`;
}
