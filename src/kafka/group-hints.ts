import { CkafkaError } from '../errors/errors.js';

// What a user can do about the group errors a join can end in.
const GROUP_HINTS: [RegExp, string][] = [
  [/INCONSISTENT_GROUP_PROTOCOL/, 'Another member of this group uses a different assignment protocol (another client or tool): choose another group with -g.'],
  [/INVALID_SESSION_TIMEOUT/, "session.timeout.ms is outside the broker's range (CKafka: 6000-300000): set it with -X session.timeout.ms=…"],
  [/GROUP_MAX_SIZE_REACHED/, 'The group has as many members as the broker allows (group.max.size): stop one, or use another group.'],
  [/INVALID_GROUP_ID/, 'Choose a group id with -g.'],
];

/** The error with a hint for what to do about a group that cannot be joined, when there is one. */
export function withGroupHint(error: CkafkaError): CkafkaError {
  if (error.hint !== undefined) return error;
  const hint = GROUP_HINTS.find(([pattern]) => pattern.test(error.message))?.[1];
  return hint === undefined ? error : new CkafkaError(error.kind, error.message, { hint, cause: error.cause });
}

