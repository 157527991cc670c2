import { z } from 'zod/v3';
import { ALLOWABLE_RULES } from './lint/lint-rules.js';

const term = z.string().trim().min(1).max(80);

/** The metadata file beside a bank: `<bank>.meta.yaml`. */
export const bankMetaSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,30}$/, 'expected a slug of lowercase letters, digits and hyphens, e.g. "mesh"'),
    aliases: z.record(term, z.array(term).min(1)).default({}),
    // Where the bank sits on a learning path; each overrides what the bank file says (docs/design.md, "Curriculum").
    topic: term.optional(),
    level: term.optional(),
    /** The next bank by title or slug; null says this bank ends its path whatever the trailer says. */
    next: term.nullable().optional(),
    levels: z.array(term).optional(),
    // Question numbers taken out of the bank: the questions after them keep their numbers and ids.
    removed: z.array(z.number().int().positive()).default([]),
    questions: z
      .record(
        z.string().regex(/^\d+$/, 'expected a question number'),
        z.object({
          tier: z.enum(['fundamentals', 'intermediate', 'senior', 'staff']).optional(),
          keywords: z.array(term).default([]),
        }).strict(),
      )
      .default({}),
  })
  .strict();

export type BankMeta = z.output<typeof bankMetaSchema>;

const choice = z.string().trim().min(1).max(75, 'a choice becomes a button label: at most 75 characters');

/** The quiz file beside a bank: `<bank>.quiz.yaml`. */
export const quizFileSchema = z
  .object({
    items: z
      .array(
        z.object({
          question: z.number().int().positive(),
          prompt: z.string().trim().min(1).max(300),
          correct: choice,
          wrong: z.array(choice).length(3, 'expected exactly 3 wrong choices'),
          explanation: z.string().trim().min(1).max(500),
          lint: z
            .strictObject({
              allow: z.array(z.enum(ALLOWABLE_RULES)).min(1),
              why: z.string().trim().min(10, 'say why the warning is fine here, in a sentence').max(300),
            })
            .optional(),
        }).strict(),
      )
      .min(1),
  })
  .strict();

export type QuizFile = z.output<typeof quizFileSchema>;
