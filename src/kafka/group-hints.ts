import { CkafkaError } from '../errors/errors.js';
import { t } from '../i18n/index.js';

// What a user can do about the group errors a join can end in (read when the error is made:
// the language is chosen per run).
const GROUP_HINTS: [RegExp, () => string][] = [
  [/INCONSISTENT_GROUP_PROTOCOL/, () => t.kafka.groupHintInconsistentProtocol],
  [/INVALID_SESSION_TIMEOUT/, () => t.kafka.groupHintSessionTimeout],
  [/GROUP_MAX_SIZE_REACHED/, () => t.kafka.groupHintMaxSize],
  [/INVALID_GROUP_ID/, () => t.kafka.groupHintInvalidId],
];

/** The error with a hint for what to do about a group that cannot be joined, when there is one. */
export function withGroupHint(error: CkafkaError): CkafkaError {
  if (error.hint !== undefined) return error;
  const hint = GROUP_HINTS.find(([pattern]) => pattern.test(error.message))?.[1]();
  return hint === undefined ? error : new CkafkaError(error.kind, error.message, { hint, cause: error.cause });
}
