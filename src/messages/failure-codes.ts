/**
 * Expected failures, by code. Use cases return these codes; this table is the default
 * wording, and an adapter may word a code its own way (`OutgoingMessage.failure`).
 */
export const FAILURE_TEXT = {
  'command.unknown': 'I do not know that command.',
  'command.usage': 'That command needs different arguments.',
  'command.admin_only': 'Only channel admins can do that.',
  'command.empty_query': 'Tell me what to look up, for example: ask circuit breaking.',
  'entry.not_found': 'That entry no longer exists in the bank.',
  'action.unknown': 'That button is no longer active.',
  'rate.limited': 'You are going a bit fast: try again in a minute.',
  'ask.no_match': 'No good match in the bank.',
  'ask.ambiguous': 'Several banks have that question number: which one?',
  'banks.unknown': 'No loaded bank has that name.',
  'delivery.in_progress': 'Still working on that request: its answer is on the way.',
  'quiz.already_answered': 'You already answered this round; your first answer stands.',
  'quiz.round_closed': 'This round has closed: watch for the reveal.',
  'quiz.round_not_found': 'That round no longer exists.',
  'quiz.wrong_channel': 'That button belongs to a round in another channel or message: answer the round where it was posted.',
  'quiz.bad_choice': 'That choice is not part of this round.',
  'quiz.practice_not_found': 'That question is not yours or no longer exists: ask for a new one.',
  'quiz.no_round': 'No round could be opened.',
  'quiz.empty_bank': 'There are no questions to ask.',
  'quiz.nothing_due': 'Nothing to review right now.',
  'schedule.bad_time': 'That is not a valid time.',
  'schedule.bad_zone': 'That is not a valid time zone.',
  'schedule.bad_days': 'Those are not valid days.',
  'schedule.too_frequent': 'That schedule is too frequent.',
  'digest.bad_day': 'That is not a day of the week.',
  'digest.bad_time': 'That is not a valid time.',
  'digest.no_quiz': 'This channel has no daily quiz, so no weekly digest.',
  'dashboard.not_configured': 'The dashboard is not set up on this bot: an operator sets DASHBOARD_SECRET and PUBLIC_URL.',
  internal: 'Something went wrong on my side.',
} as const;

/** The closed set of expected failures: a new one needs its words here first. */
export type FailureCode = keyof typeof FAILURE_TEXT;

