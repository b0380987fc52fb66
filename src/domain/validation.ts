import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import { ValidationFailed } from './errors.ts';
import { normalizeKzPhone } from './phone.ts';

/** Parses `input` with `schema`, or throws `ValidationFailed` naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationFailed(
    parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })),
  );
}

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('invalid email').max(254));

/** A Kazakhstan phone in any common format → E.164. */
export const phoneSchema = z.string().transform((value, ctx) => {
  const normalized = normalizeKzPhone(value);
  if (!normalized) {
    ctx.addIssue({ code: 'custom', message: 'invalid phone' });
    return z.NEVER;
  }
  return normalized;
});

export const isoDateSchema = z.string().refine(isIsoDate, 'invalid date');
export const idSchema = z.number().int().positive();
export const fullNameSchema = z.string().trim().min(2, 'too short').max(200, 'too long');
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);

/** A page of a list: 1-based page number and page size. */
export const pageSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(5),
});
export type PageInput = z.input<typeof pageSchema>;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  pages: number;
}

export function pageOf<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, page, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
